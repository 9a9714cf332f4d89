import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
const bin = '/work/main/node_modules/@prettier-apex/apex-ast-serializer-linux-x64/apex-ast-serializer-linux-x64';
const src = fs.readFileSync(process.argv[2], 'utf8');
const out = JSON.parse(execFileSync(bin, [], { input: src, maxBuffer: 1e8 }));
const root = out['apex.jorje.semantic.compiler.parser.ParserOutput'];
const short = (c) => c.replace(/^apex\.jorje\.data\.(ast\.)?/, '');
function dump(n, ind, key) {
  if (Array.isArray(n)) { n.forEach((x, i) => dump(x, ind, `${key}[${i}]`)); return; }
  if (!n || typeof n !== 'object') return;
  const cls = n['@class'] ? short(n['@class']) : '';
  const val = typeof n.value === 'string' ? ` "${n.value}"` : '';
  const loc = n.loc?.startIndex !== undefined ? ` [${n.loc.line}] ${JSON.stringify(src.slice(n.loc.startIndex, n.loc.endIndex)).slice(0, 50)}` : '';
  if (cls || val) console.log(`${ind}${key}: ${cls}${val}${loc}`);
  for (const [k, v] of Object.entries(n)) if (k !== 'loc' && k !== '@class' && typeof v === 'object') dump(v, ind + '  ', k);
}
console.log(root.parseErrors);
dump(root.unit, '', 'unit');
