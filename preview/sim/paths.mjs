// The project's files the preview reads: the ones that deploy, never copies.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const previewRoot = path.join(projectRoot, 'preview');
export const corePackage = path.join(projectRoot, 'force-app', 'core');
export const lwcRoot = path.join(corePackage, 'lwc');
export const labelsFile = path.join(corePackage, 'labels', 'CustomLabels.labels-meta.xml');
export const specFile = path.join(projectRoot, 'spec', 'cpaas-messaging-apps.openapi.json');
export const sldsAssets = path.join(projectRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
