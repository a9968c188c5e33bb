/** Building text revisions (the demo, tests, the CLI; the app's repository writes its own). */
import type { Lang } from '../i18n';
import type { Id, TextRevision, TextValue, Timestamp } from '../model/types';
import { fitsKey, kindOfKey } from './keys';

export interface TextAuthor {
  readonly by: Id;
  readonly byName: string;
  readonly deviceId: Id;
}

/** A new revision of slot (key, lang); throws if the value's kind does not fit the key. */
export function textRevision(p: {
  id: Id;
  assessmentId: Id;
  key: string;
  lang: Lang;
  value: TextValue;
  at: Timestamp;
  author: TextAuthor;
  parents?: readonly Id[];
}): TextRevision {
  if (!fitsKey(p.key, p.value)) throw new Error(`a ${p.value.kind} value cannot be stored under "${p.key}" (expects ${kindOfKey(p.key) ?? 'a known key'})`);
  return { id: p.id, assessmentId: p.assessmentId, key: p.key, lang: p.lang, value: p.value, at: p.at, by: p.author.by, byName: p.author.byName, deviceId: p.author.deviceId, parents: [...(p.parents ?? [])] };
}
