import type { NextFunction, Request, Response } from 'express';

/** A red seal with a white 基-like mark: small enough to inline, no font needed. */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#c8102e"/><path d="M8 9h16M11 6v10M21 6v10M8 16h16M16 16v6M7 26h18M10 22h12" stroke="#fff" stroke-width="2.4" stroke-linecap="round" fill="none"/></svg>`;

const GRAPHQL_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>强基 Qiangji · GraphQL API</title>
<link rel="icon" href="/favicon.ico">
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:0 .25rem}</style>
</head>
<body>
<h1>强基 Qiangji · GraphQL API</h1>
<p>这里是强基的 GraphQL 接口，供程序调用，不是网页。请打开 <a href="/">管理后台</a>。</p>
<p>This is the GraphQL endpoint of Qiangji, for programs rather than browsers. Send <code>POST /graphql</code>
with a JSON body <code>{"query": "…", "variables": {…}}</code> and an access token or API key
(<code>Authorization: Bearer …</code>). Anonymous callers may only sign in.</p>
<p>How to call it: <code>docs/api-guide.md</code> in the Qiangji repository (接口指南). The schema is
<code>apps/api/schema.graphql</code>.</p>
</body>
</html>
`;

export function favicon(_req: Request, res: Response): void {
  res.set('Cache-Control', 'public, max-age=86400').type('image/svg+xml').send(FAVICON);
}

/** A browser opening /graphql gets a page that says what it is; programs (JSON, any query) go on to GraphQL. */
export function graphqlPageForBrowsers(req: Request, res: Response, next: NextFunction): void {
  if (
    req.method !== 'GET' ||
    req.query.query !== undefined ||
    req.accepts(['application/json', 'text/html']) !== 'text/html'
  )
    return next();
  res
    .set({
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
      'Cache-Control': 'no-cache',
    })
    .type('html')
    .send(GRAPHQL_PAGE);
}
