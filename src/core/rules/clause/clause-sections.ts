/**
 * Finds the clause sections of a document once, for every clause rule: the whole body of a
 * `kind: clause` document without clause headings, and otherwise the sections under headings
 * such as "Arbitration", "Guarantee", "Governing law", "争议解决", "保证" (or a paragraph that
 * opens with such a bold label). In letters and call summaries a section counts only when it is
 * drafted as a clause (shall, hereby, irrevocably, 约定如下, 应当 ...), not when it describes one.
 */
import { matchBlocks, type BlockMatch } from '../../blocks.js';
import type { Block, RuleContext } from '../../rule.js';

/** What a clause section is about. */
export type ClauseType = 'arbitration' | 'guarantee' | 'jurisdiction';

/** A run of blocks that makes up one clause. */
export interface ClauseSection {
  type: ClauseType;
  /** The heading (or labelled paragraph) that opens it, if any. */
  heading: Block | undefined;
  /** Its blocks in order, heading included. */
  blocks: Block[];
  start: number;
  end: number;
  /** The blocks' text, joined by newlines (for presence tests only; spans come from `blocks`). */
  text: string;
  /** True when its prose is mostly Chinese. */
  zh: boolean;
}

const ARBITRATION = /arbitra|仲裁/i;
const GUARANTEE = /guarant|surety|保证|担保/i;
const JURISDICTION = /jurisdiction|governing law|applicable law|choice of law|\bcourts?\b|法律适用|适用法律|管辖|法院/i;
const DISPUTE = /dispute|争议|纠纷/i;
// Drafting that binds: what a clause says and a letter that mentions one does not
const OPERATIVE =
  /\bshall\b|\bhereby\b|\bhereunder\b|\bagrees?\s+as\s+follows\b|\bwaives\b|\bis\s+governed\s+by\b|约定如下|应当|特此|本保证|本条款|本协议|本合同/i;
const BOLD_LABEL = /^\s*(?:\d+[.)]\s*)?\*\*([^*\n]{1,80})\*\*/;
const HAN = /[\u4e00-\u9fff]/g;
const LATIN = /[A-Za-z]/g;

type Label = ClauseType | 'dispute' | undefined;

function classify(label: string): Label {
  if (ARBITRATION.test(label)) return 'arbitration';
  if (GUARANTEE.test(label)) return 'guarantee';
  if (DISPUTE.test(label)) return 'dispute';
  if (JURISDICTION.test(label)) return 'jurisdiction';
  return undefined;
}

function fromClauseFact(clause: string | undefined): Label {
  switch (clause) {
    case 'arbitration':
      return 'arbitration';
    case 'guarantor':
    case 'guarantee':
      return 'guarantee';
    case 'jurisdiction':
      return 'jurisdiction';
    case 'dispute-resolution':
    case 'dispute':
      return 'dispute';
    default:
      return undefined;
  }
}

function finish(label: Label, heading: Block | undefined, blocks: Block[]): ClauseSection | undefined {
  if (!label || blocks.length === 0) return undefined;
  const text = blocks.map((b) => b.text).join('\n');
  const type: ClauseType = label === 'dispute' ? (ARBITRATION.test(text) ? 'arbitration' : 'jurisdiction') : label;
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return { type, heading, blocks, start: blocks[0]!.start, end: blocks[blocks.length - 1]!.end, text, zh: han * 2 > latin };
}

const cache = new WeakMap<readonly Block[], ClauseSection[]>();

/** The clause sections of the document, computed once per document. */
export function clauseSections(context: Pick<RuleContext, 'blocks' | 'facts'>): ClauseSection[] {
  const cached = cache.get(context.blocks);
  if (cached) return cached;
  const sections: ClauseSection[] = [];
  const blocks = context.blocks;
  // outside clause documents a level-1 heading is the document's title ("Letter before action /
  // 提起仲裁前的最后通知"), which may name arbitration without opening an arbitration clause
  const titleIsClause = context.facts.kind === 'clause';
  const headingLabels = blocks.map((b) => (b.type === 'heading' && (b.depth > 1 || titleIsClause) ? classify(b.text) : undefined));
  if (context.facts.kind === 'clause' && !headingLabels.some(Boolean)) {
    const whole = finish(fromClauseFact(context.facts.clause), undefined, [...blocks]);
    if (whole) sections.push(whole);
  } else {
    let open: { label: Label; depth: number; heading: Block; blocks: Block[] } | undefined;
    const close = (): void => {
      if (!open) return;
      const s = finish(open.label, open.heading, open.blocks);
      if (s) sections.push(s);
      open = undefined;
    };
    blocks.forEach((block, i) => {
      if (block.type === 'heading') {
        if (open && block.depth <= open.depth) close();
        const label = headingLabels[i];
        if (label && !open) open = { label, depth: block.depth, heading: block, blocks: [block] };
        else if (open) open.blocks.push(block);
        return;
      }
      if (open) {
        open.blocks.push(block);
        return;
      }
      const bold = block.type === 'paragraph' ? BOLD_LABEL.exec(block.text) : null;
      const label = bold ? classify(bold[1] ?? '') : undefined;
      const s = label ? finish(label, block, [block]) : undefined;
      if (s) sections.push(s);
    });
    close();
  }
  // outside clause documents, a section is a clause only when it is drafted as one: a call summary's
  // "Guarantor consent" or a plan's "the arbitration clause continues unchanged" describes a clause, it is none
  const result = context.facts.kind === 'clause' ? sections : sections.filter((section) => OPERATIVE.test(section.text));
  cache.set(context.blocks, result);
  return result;
}

/** Every match of a global regex in the section's blocks, with offsets into the whole text. */
export function matchesIn(section: ClauseSection, regex: RegExp): Generator<BlockMatch> {
  return matchBlocks(section.blocks, regex);
}

/** The span a finding about a whole section points at: its heading's text, or its first line. */
export function sectionAnchor(section: ClauseSection): { start: number; end: number } {
  const first = section.heading ?? section.blocks[0]!;
  const text = first.text;
  const lead = /^(?:#{1,6}\s+|\s*(?:\d+[.)]\s*)?)/.exec(text)?.[0].length ?? 0;
  const nl = text.indexOf('\n');
  const lineEnd = nl === -1 ? text.length : nl;
  return { start: first.start + Math.min(lead, lineEnd), end: first.start + lineEnd };
}

const PRC_LAW = /中华人民共和国法律|中国法律|\bPRC law\b|laws? of the People's Republic of China|laws? of the PRC\b|laws? of China\b/i;
const US_LAW = /laws? of the State of|\b(?:New York|California|Delaware|Texas|Illinois|Washington|Florida) law\b|美国[\u4e00-\u9fff]{0,6}州法律/i;

/** Which law a guarantee section is written under: stated in the clause, else the facts, else its language. */
export function guaranteeLaw(context: Pick<RuleContext, 'facts'>, section: ClauseSection): 'prc' | 'us' {
  if (PRC_LAW.test(section.text)) return 'prc';
  if (US_LAW.test(section.text)) return 'us';
  const law = context.facts.contract?.governing_law;
  if (law === 'PRC') return 'prc';
  if (law?.startsWith('US-')) return 'us';
  if (section.zh || context.facts.language === 'zh-CN') return 'prc';
  if (context.facts.guarantor?.country === 'CN') return 'prc';
  return 'us';
}
