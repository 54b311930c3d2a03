import MarkdownIt from 'markdown-it';

// Raw HTML in a policy's body is shown as text, and markdown-it's link check refuses javascript:, vbscript:,
// file: and data: URLs: what a policy author writes cannot run in the reader's browser.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** A policy's Markdown as HTML that is safe to insert into a page. */
export function renderMarkdown(body: string): string {
  return markdown.render(body);
}
