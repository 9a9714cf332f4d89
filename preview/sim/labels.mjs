// The project's Custom Labels: the preview shows (and the simulated controller throws) the strings that deploy.
import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { labelsFile } from './paths.mjs';
import { formatLabel } from './person.mjs';

/** @returns {Map<string, string>} label API name -> value */
export function readLabels(file = labelsFile) {
    const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
    const xml = parser.parse(fs.readFileSync(file, 'utf8'));
    const labels = new Map();
    for (const label of xml.CustomLabels?.labels ?? []) {
        labels.set(String(label.fullName), String(label.value));
    }
    return labels;
}

let cached = { mtimeMs: -1, labels: new Map() };

/**
 * A Custom Label's text as the file holds it now (re-read when it changes, so `npm start` follows edits), with
 * {0}, {1}… filled in the way Apex String.format does; an unknown name is an error.
 */
export function label(name, ...args) {
    const { mtimeMs } = fs.statSync(labelsFile);
    if (mtimeMs !== cached.mtimeMs) {
        cached = { mtimeMs, labels: readLabels(labelsFile) };
    }
    if (!cached.labels.has(name)) {
        throw new Error(`no Custom Label ${name}`);
    }
    return formatLabel(cached.labels.get(name), ...args);
}
