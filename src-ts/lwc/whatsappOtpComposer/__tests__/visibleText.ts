// The rule the card's texts follow: every text an agent reads (or a screen reader announces) is a Custom Label,
// a label template with its values filled in, record data, or a number or time from the shared formatters
// (otpFormat.ts, relativeTime.ts). Anything else is a hard-coded string, which no translation can reach.

/**
 * What the shared formatters produce: a count, "4:59" (formatMinutesSeconds), a clock time such as "10:03 AM"
 * (formatClockTime; Intl may put a narrow no-break space before AM), "2 minutes ago" (relativeTime), and a masked
 * number such as "+65 •••• 5678" (maskPhone, or the Apex mask stored on the challenge).
 */
const FORMATTED: readonly RegExp[] = [
    /^\d+$/,
    /^\d+:\d{2}$/,
    /^\d{1,2}:\d{2}[\s\u202f]?([AP]M)?$/,
    /^\d+ (minute|minutes|hour|hours) ago$/,
    /^(\+\d{1,3} )?•••• \d{1,4}$/
];

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class TextRules {
    private readonly templates: { pattern: RegExp }[];

    constructor(
        private readonly labels: readonly string[],
        private readonly recordData: readonly string[]
    ) {
        this.templates = labels
            .filter((label) => /\{\d+\}/.test(label))
            .map((label) => ({
                pattern: new RegExp(`^${escapeRegExp(label).replace(/\\\{\d+\\\}/g, '(.+?)')}$`)
            }));
    }

    /** A value that may stand on its own or fill a placeholder: a label, record data or formatter output. */
    private isValue(text: string): boolean {
        return (
            this.labels.includes(text) ||
            this.recordData.includes(text) ||
            FORMATTED.some((pattern) => pattern.test(text))
        );
    }

    /** One label template with every placeholder filled by a value. */
    private isFilledTemplate(text: string): boolean {
        return this.templates.some(({ pattern }) => {
            const match = pattern.exec(text);
            return !!match && match.slice(1).every((value) => this.isValue(value));
        });
    }

    private isWhole(text: string): boolean {
        return this.isValue(text) || this.isFilledTemplate(text);
    }

    /**
     * Whether `text` is explained: one whole value or filled template, or several in a row, separated by a space
     * (an announcement reads two labelled sentences as one). A label with anything else before or after fails.
     */
    explains(text: string): boolean {
        if (this.isWhole(text)) {
            return true;
        }
        for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
            if (this.isWhole(text.slice(0, i)) && this.explains(text.slice(i + 1))) {
                return true;
            }
        }
        return false;
    }
}

/** Properties of base components that a user reads, as the sfdx-lwc-jest stubs keep them. */
const READ_PROPERTIES: Record<string, string[]> = {
    'LIGHTNING-BUTTON': ['label'],
    'LIGHTNING-CARD': ['title'],
    'LIGHTNING-SPINNER': ['alternativeText']
};

/** Every text an agent reads under `root`: text nodes (through shadow roots) and base components' labels. */
export function visibleTexts(root: Node): string[] {
    const texts: string[] = [];
    const visit = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE) {
            const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
            if (text) {
                texts.push(text);
            }
            return;
        }
        if (node.nodeType === Node.ELEMENT_NODE) {
            const element = node as Element & Record<string, unknown>;
            for (const property of READ_PROPERTIES[element.tagName] ?? []) {
                const value = element[property];
                if (typeof value === 'string' && value.trim()) {
                    texts.push(value.trim());
                }
            }
            if (element.shadowRoot) {
                element.shadowRoot.childNodes.forEach(visit);
            }
        }
        node.childNodes.forEach(visit);
    };
    visit(root);
    return texts;
}

/** The texts under `root` that the rules do not explain: each one is a hard-coded string. */
export function unexplainedTexts(root: Node, rules: TextRules): string[] {
    return visibleTexts(root).filter((text) => !rules.explains(text));
}
