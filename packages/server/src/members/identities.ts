// Identity values in canonical form, so the same WeChat id or phone typed two ways is still one member.
import { invalid } from '../http/errors.js';
import type { IdentityKind } from './schema.js';

export function normalizeIdentity(kind: IdentityKind, raw: string, field = 'value'): string {
  const value = raw.trim();
  switch (kind) {
    case 'phone': {
      const compact = value.replace(/[\s()-]/g, '');
      if (!/^\+?\d{5,20}$/.test(compact)) throw invalid('identity.invalid_phone', 'A phone number has 5–20 digits', { [field]: 'not a phone number' });
      // Mainland numbers are stored without the country code; other countries keep theirs.
      return compact.replace(/^(\+86|0086)(?=1\d{10}$)/, '');
    }
    case 'email':
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw invalid('identity.invalid_email', 'Not an e-mail address', { [field]: 'not an e-mail address' });
      return value.toLowerCase();
    case 'telegram_user_id':
      if (!/^\d{1,20}$/.test(value)) throw invalid('identity.invalid_telegram_id', 'A Telegram user id is a number', { [field]: 'must be digits' });
      return value;
    default:
      return value;
  }
}
