import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;

describe('translations', () => {
  it('has a Dutch message for every English one and no extras', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s uses the same placeholders in both languages', (key) => {
    const placeholders = (m: Messages[string]) => Object.keys(m.placeholders ?? {}).sort();
    expect(placeholders((nl as Messages)[key]!)).toEqual(placeholders((en as Messages)[key]!));
  });

  it('has no empty message', () => {
    for (const messages of [en, nl] as Messages[]) {
      for (const [key, value] of Object.entries(messages)) expect(value.message.trim(), key).not.toBe('');
    }
  });
});
