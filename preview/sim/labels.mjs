// Reads the project's Custom Labels, so the preview shows (and the simulated controller throws) the
// very strings that deploy.
import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { labelsFile } from './paths.mjs';

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

/** Fills {0}, {1}… the way Apex String.format does for the labels' placeholders. */
export function formatLabel(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (whole, index) => (index < args.length ? String(args[index]) : whole));
}

let cached = { mtimeMs: -1, labels: new Map() };

/** The labels as the file holds them now (re-read when it changes, so `npm start` follows edits). */
export function currentLabels(file = labelsFile) {
    const { mtimeMs } = fs.statSync(file);
    if (mtimeMs !== cached.mtimeMs) {
        cached = { mtimeMs, labels: readLabels(file) };
    }
    return cached.labels;
}
