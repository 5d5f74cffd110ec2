/**
 * The live SMART check of a plan row (issue 11 §4; seeds 000 and 004: actions must be "specific,
 * measurable, achievable, relevant and time-bound"). It returns warnings in words a social worker reads
 * beside the row. It only ever warns: a row with warnings is still a valid row and is always saved.
 *
 * The rules, in the order the warnings are listed:
 * 1. **no-owner** — nobody owns the action. **owner-not-member** — when the members of the group are
 *    given, the owner is not one of them or has left the group (opted out).
 * 2. **no-due-date** — there is no due date. **overdue** — the due date is before today and the action
 *    is not done or no longer needed (an action due today is not overdue).
 * 3. **outcome-not-measurable** — the outcome is blank, or nothing in it can be checked. It passes when
 *    it holds any one of these signals (words are matched whole, in any case):
 *    - a number: any digit, or a number word (once, twice, one … twelve, half, per cent);
 *    - a date: a month name ("May" only as "by May", "in May" and the like, never the verb "may"), a
 *      weekday, or a time limit such as "by the end of term", "within a week", "by the review conference";
 *    - a frequency: daily, nightly, weekly, fortnightly, monthly, termly, every, each, "times a",
 *      "per week", "a day/week/month", never, no longer;
 *    - an observable change: attend(s), attendance, stop(s), reduce(s), increase(s), complete(s),
 *      is/are seen, seen by, keep(s), has, have, start(s), arrive(s), register(s), sleep(s), eat(s),
 *      collect(s).
 *    "Regularly", "improve", "feel safe" and "understand" are deliberately not signals.
 * 4. **no-action** — the action is blank. **vague-action** — the action starts with a vague verb and
 *    the row has no "how": support, monitor, consider, encourage, help, ensure, assist, work with,
 *    look at, liaise with (any of their -s/-ing/-ed forms). The verb counts as the start also after a
 *    short subject and "to"/"will"/"should"/"must" ("School to monitor …", "Mum will work with …") and
 *    after "continue to". Known limit: "Book nursery to help Amy settle" is also flagged; it is advice.
 *
 * A closed row (done, or no longer needed) gets no warnings: it is no longer to be carried out.
 * @module
 */
import { isIsoDate, type IsoDate } from '../timescales/iso-date.ts'
import { dateWords, isOpenStatus, type PlanStatus } from './words.ts'

/** The fields of an action row the check reads (an `ActionRow`, or a row still being typed). */
export interface SmartRow {
  outcome?: string | null
  action?: string | null
  how?: string | null
  owner?: string | null
  due?: IsoDate | null
  status?: PlanStatus
}

/** A member of the core group, for the owner check. */
export interface SmartMember {
  memberId: string
  name?: string
  optedOut?: boolean
}

export type SmartRule =
  | 'no-owner'
  | 'owner-not-member'
  | 'no-due-date'
  | 'overdue'
  | 'outcome-not-measurable'
  | 'no-action'
  | 'vague-action'

export interface SmartWarning {
  rule: SmartRule
  words: string
}

const NUMBER = /\d|\b(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|per ?cent|percent)\b/i
const MONTH = /\b(?:january|february|march|april|june|july|august|september|october|november|december)\b/i
/** "May" is a month only after a date word and with a capital M; "Amy may feel safer" is not a date. */
const MONTH_MAY = /\b(?:[Bb]y|[Ii]n|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Ss]ince|[Dd]uring|[Oo]f|[Mm]id)[\s-]+May\b/
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/i
const TIME_LIMIT =
  /\b(?:by|before|until|within)\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?(?:next\s+|this\s+|a\s+|an\s+)?(?:day|week|fortnight|month|term|half[- ]term|year|summer|christmas|easter|holidays?|review|conference|core\s+group)\b/i
const FREQUENCY =
  /\b(?:daily|nightly|weekly|fortnightly|monthly|termly|yearly|annually|every|each|never|no\s+longer|times?\s+(?:a|per)|per\s+(?:day|night|week|month|term)|a\s+(?:day|night|week|fortnight|month|term))\b/i
const OBSERVABLE = new RegExp(
  String.raw`\b(?:attend(?:s|ed|ing|ance)?|stop(?:s|ped)?|reduce(?:s|d)?|increase(?:s|d)?|complete(?:s|d)?|` +
    String.raw`(?:is|are|was|were|been)\s+seen|seen\s+by|keeps?|kept|has|have|start(?:s|ed)?|arrive(?:s|d)?|` +
    String.raw`register(?:s|ed)?|sleeps?|eats?|collect(?:s|ed)?)\b`,
  'i',
)
const MEASURABLE_SIGNALS: readonly RegExp[] = [NUMBER, MONTH, MONTH_MAY, WEEKDAY, TIME_LIMIT, FREQUENCY, OBSERVABLE]

/** True when the outcome holds at least one measurable signal (see the module comment). */
export function isMeasurable(outcome: string): boolean {
  return MEASURABLE_SIGNALS.some((signal) => signal.test(outcome))
}

const VAGUE_VERB =
  String.raw`(?:(?:support|monitor|consider|help|assist)(?:s|ing|ed)?|(?:encourag|ensur)(?:e|es|ing|ed))\b|` +
  String.raw`(?:work(?:s|ing|ed)?\s+with|look(?:s|ing|ed)?\s+at|liais(?:e|es|ing|ed)\s+with)\b`
const VAGUE_START = new RegExp(
  String.raw`^\s*(?:(?:\S+\s+){1,3}(?:to|will|should|must|shall)\s+)?(?:continues?\s+to\s+)?(${VAGUE_VERB})`,
  'i',
)

/** The vague verb an action starts with, as written ("Monitor"), or null when it starts otherwise. */
export function vagueStart(action: string): string | null {
  const m = VAGUE_START.exec(action)
  return m ? m[1]!.replace(/\s+/g, ' ') : null
}

const blank = (text: string | null | undefined) => text === undefined || text === null || text.trim() === ''

/**
 * The SMART warnings of one row on `today` (a UK date), in the order of the module comment; [] for a
 * SMART row or a closed one. `members`, when given, lets the check notice an owner who is not (or no
 * longer) in the core group.
 */
export function smartWarnings(row: SmartRow, today: IsoDate, members?: readonly SmartMember[]): SmartWarning[] {
  if (row.status !== undefined && !isOpenStatus(row.status)) return []
  const warnings: SmartWarning[] = []
  const warn = (rule: SmartRule, words: string) => warnings.push({ rule, words })

  if (blank(row.owner)) {
    warn('no-owner', 'Nobody owns this action yet: choose the member who will do it.')
  } else if (members !== undefined) {
    const owner = members.find((m) => m.memberId === row.owner)
    if (owner === undefined) warn('owner-not-member', 'The owner is not a member of this core group: choose a current member.')
    else if (owner.optedOut === true) {
      const who = owner.name ? `${owner.name} has` : 'The owner has'
      warn('owner-not-member', `${who} left the core group: choose a current member to own this action.`)
    }
  }

  const due = row.due
  if (blank(due) || !isIsoDate(due!)) {
    warn('no-due-date', 'No due date: add when this will be done, or when progress will be reviewed.')
  } else if (due! < today) {
    warn('overdue', `This was due on ${dateWords(due!, today)} and is not done: update its status, or agree a new date.`)
  }

  if (blank(row.outcome)) {
    warn('outcome-not-measurable', 'No outcome yet: say what will be different for the child, in a way everyone can check.')
  } else if (!isMeasurable(row.outcome!)) {
    warn(
      'outcome-not-measurable',
      'The outcome has nothing to measure: say how everyone will know it has been reached — a number, a date, ' +
        'how often, or something people will see (for example “attends school every day”).',
    )
  }

  if (blank(row.action)) {
    warn('no-action', 'No action yet: write what will be done.')
  } else if (blank(row.how)) {
    const verb = vagueStart(row.action!)
    if (verb !== null) {
      warn(
        'vague-action',
        `The action starts with “${verb.toLowerCase()}”, which does not say what will be done: add how ` +
          '(what will happen, how often, and who with).',
      )
    }
  }
  return warnings
}
