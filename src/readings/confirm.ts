import { applyConfirmation, type ConfirmationChoice } from '../domain/validation';
import { resolveConfirmation } from '../store/confirmations';
import type { Source } from '../store/meters';
import { lockSource, neighbours, type Reading, supersedeReading } from '../store/readings';
import type { Author, Transaction } from './context';
import { type Recorded, recordReading, storeChecked } from './record';

export type AnswerOutcome =
  /** What storing the reading (or the typo suggestion, checked afresh) came to. */
  | Recorded
  /** A replacement was meant: the author is to send the old register's final and the new start. */
  | { outcome: 'askReplacement'; previousValue: string | null; value: string }
  /** The previous reading was wrong: the author is to fix `previous` first. */
  | { outcome: 'fixPrevious'; previous: Reading | null }
  /** Cancelled, or a choice the question never offered: nothing stored. */
  | { outcome: 'cancelled' };

export type Answered<M> =
  /** No open question by that id on a meter in `meters` (answered before, or never asked). */
  { outcome: 'alreadyAnswered' } | (AnswerOutcome & { meter: M });

/**
 * Applies the author's answer to a question about a doubtful reading. The question is answered
 * once (a second tap finds it closed); `meters` are those the answering chat may use.
 */
export async function answerQuestion<M extends { source: Source }>(
  { tx, audit }: Transaction,
  author: Author,
  answer: { id: string; choice: ConfirmationChoice },
  meters: readonly M[],
): Promise<Answered<M>> {
  const { choice } = answer;
  const question = await resolveConfirmation(tx, answer.id, choice, author.clock());
  if (!question) return { outcome: 'alreadyAnswered' };
  const meter = meters.find((candidate) => candidate.source.id === question.sourceId);
  if (!meter) return { outcome: 'alreadyAnswered' };
  const source = meter.source;
  const { verdict } = question;
  const decision = applyConfirmation(verdict, choice);
  audit({
    action: 'reading.confirm',
    subjectType: 'confirmation',
    subjectId: question.id,
    sourceId: question.sourceId,
    after: { choice, value: question.value },
  });

  if (decision.store) {
    await lockSource(tx, source.id);
    if (decision.clearNextRollover) {
      // The wrap now sits on this earlier reading: the later one must stop counting it.
      const { next } = await neighbours(tx, source.id, question.takenAt);
      if (next?.registerEvent === 'rollover') {
        await supersedeReading(tx, next, {
          value: next.value,
          enteredBy: author.userId,
          origin: `${question.origin}:unwrap`,
          registerEvent: null,
        });
      }
    }
    const reading = await storeChecked(
      { tx, audit },
      author,
      source,
      {
        value: question.value,
        takenAt: question.takenAt,
        note: question.note,
        origin: question.origin,
      },
      decision.event,
      { confirmed: choice },
    );
    const usageSincePrevious =
      decision.event === 'rollover' && verdict.outcome === 'confirm'
        ? (verdict.options.rollover?.usage ?? null)
        : verdict.outcome === 'reject'
          ? null
          : verdict.usageSincePrevious;
    const days = verdict.outcome === 'reject' ? null : verdict.days;
    return { outcome: 'stored', meter, reading, usageSincePrevious, days };
  }
  if (decision.action === 'revalidate') {
    const recorded = await recordReading({ tx, audit }, author, source, {
      value: decision.value,
      takenAt: question.takenAt,
      note: question.note,
      origin: `${question.origin}:typo`,
    });
    return { ...recorded, meter };
  }
  if (decision.action === 'askReplacement') {
    const lower =
      verdict.outcome === 'confirm'
        ? verdict.problems.find((problem) => problem.code === 'lowerThanPrevious')
        : undefined;
    return {
      outcome: 'askReplacement',
      meter,
      previousValue: lower && 'previous' in lower ? lower.previous : null,
      value: question.value,
    };
  }
  if (decision.action === 'fixPrevious') {
    const { previous } = await neighbours(tx, source.id, question.takenAt);
    return { outcome: 'fixPrevious', meter, previous };
  }
  return { outcome: 'cancelled', meter };
}
