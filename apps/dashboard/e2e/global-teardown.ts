import { rm } from 'node:fs/promises';
import { TEMPLATE_ENV } from './api-server';

export default async function globalTeardown() {
  const template = process.env[TEMPLATE_ENV];
  if (template) await rm(template, { recursive: true, force: true });
}
