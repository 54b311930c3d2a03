import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The text of a PDF as pdf-parse (pdf.js) extracts it. pdf.js loads its worker by a dynamic `import()`, which
 * jest's module sandbox refuses, so the extraction runs in a plain Node process of its own.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    import { PDFParse } from 'pdf-parse';
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
    process.stdout.write((await parser.getText()).text);
    await parser.destroy();`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: path.resolve(__dirname, '../..'), maxBuffer: 1 << 24 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
    );
    child.stdin!.end(pdf);
  });
}
