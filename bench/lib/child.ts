/**
 * Runs one benchmark module in a fresh Node process (`node bench/run.js child <module> args…`) and
 * returns the JSON it prints on its last stdout line. A fresh process per measurement is what makes
 * peak RSS (process.resourceUsage().maxRSS) belong to that measurement alone.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const RUN = path.join(__dirname, '..', 'run.js');

export function runChild<T>(module: string, args: string[], execArgv: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...execArgv, RUN, 'child', module, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d: string) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench child ${module} ${args.join(' ')} exited with ${code}`));
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`bench child ${module} printed no JSON: ${out.slice(-500)}`));
      }
    });
  });
}

/** What a child prints as its result: one line of JSON. */
export function reply(x: unknown): void {
  process.stdout.write(JSON.stringify(x) + '\n');
}
