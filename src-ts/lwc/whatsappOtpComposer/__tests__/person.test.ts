// The shared person cases, run against the composer's rule: the Apex resolver and the preview's simulation run
// the same table, so all three send to the same person.
import table from '../../../../force-app/core/staticresources/WhatsAppOtpPersonCases.json';
import { personOf } from '../person';

describe('personOf: the shared person cases', () => {
    it.each(table.cases.map((row) => [row.name, row] as const))('%s', (_name, row) => {
        expect(personOf(row.object, row.record)).toEqual(row.expect);
    });
});
