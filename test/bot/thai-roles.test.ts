import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/bot/messages';
import { parseMessage } from '../../src/domain/grammar';

// A Thai speaker reads roles as Thai words, never the internal codes, and can type back the word
// the bot showed.
describe('roles in Thai replies', () => {
  const th = catalogs.th;
  const label = 'มิเตอร์ 1 "น้ำ"';

  it.each(['read', 'write', 'admin'] as const)(
    'names %s in Thai everywhere it is shown',
    (role) => {
      const lines = [
        th.granted('แม่', label, role),
        th.grantUnchanged('แม่', label, role),
        th.accessPerson(1, 'แม่', role),
        ...(role === 'admin'
          ? []
          : [th.accessGroup(2, true, role), th.shareUnchanged(label, role)]),
      ];
      for (const line of lines) expect(line).not.toMatch(/\b(read|write|admin)\b/);
      expect(th.accessOwner('พ่อ')).not.toMatch(/admin/);
    },
  );

  it.each(['read', 'write', 'admin'] as const)(
    'reads the word shown for %s back as that role',
    (role) => {
      const shown = th.accessPerson(1, 'แม่', role).split(': ')[1] ?? '';
      const command = parseMessage(`แชร์ มิเตอร์ 1 @แม่ ${shown}`);
      expect(command).toMatchObject({ type: 'share', role });
    },
  );
});
