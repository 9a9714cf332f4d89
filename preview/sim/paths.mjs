// Where the preview finds the project's real sources: the labels, the fixture, the spec and the
// compiled components all come from the files that deploy, never from copies.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const previewRoot = path.join(projectRoot, 'preview');
export const forceAppDefault = path.join(projectRoot, 'force-app', 'main', 'default');
export const lwcRoot = path.join(forceAppDefault, 'lwc');
export const labelsFile = path.join(forceAppDefault, 'labels', 'CustomLabels.labels-meta.xml');
export const fixtureFile = path.join(forceAppDefault, 'staticresources', 'WhatsAppOtpSendMessageFixture.json');
export const specFile = path.join(projectRoot, 'spec', 'cpaas-messaging-apps.openapi.json');
export const distDir = path.join(previewRoot, 'dist');
export const sldsAssets = path.join(projectRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
