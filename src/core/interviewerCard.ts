/**
 * The interviewer's card, for practising with a partner: derived from the
 * case study's sections, so a user's own case gets a card too. Answers to the
 * clarifying questions, hints for a stuck candidate (the case's "In 45
 * minutes" plan, else its checklist), the follow-up questions in order, what
 * a strong answer contains at each step, and the red flags (its pitfalls).
 */
import { outlined, sectionOf, sectionRange, tasksIn, type NoteInput } from "./outline";
import { twistParts } from "./twists";

/** The case study section that shows a strong answer for each framework step. */
export const STEP_SECTIONS: Record<number, string> = {
	1: "Clarifying questions",
	2: "Framing as an ML task",
	3: "Data and features",
	4: "Model",
	5: "Evaluation",
	6: "Serving",
	7: "Monitoring",
};

export interface FollowUp {
	question: string;
	/** What a good answer says, when the case gives one. */
	answer: string | null;
}

export interface CardStep {
	step: number;
	/** The step's note name, or "Step N". */
	name: string;
	/** The case section it draws on. */
	section: string;
	/** Markdown of that section, or null when the case has none. */
	markdown: string | null;
}

export interface InterviewerCard {
	caseName: string;
	prompt: string | null;
	clarifying: string | null;
	/** Markdown lines, in the order a strong candidate covers them. */
	hints: string[];
	/** Where the hints come from. */
	hintSource: "plan" | "checklist" | null;
	followUps: FollowUp[];
	steps: CardStep[];
	redFlags: string | null;
	twist: { name: string; text: string; whatChanges: string | null; modelAnswer: string | null } | null;
}

export interface CardInput {
	caseName: string;
	/** The case note (with its outline from the metadata cache in the plugin). */
	caseText: NoteInput;
	prompt?: string | null;
	/** The framework steps (number and note name), in order. */
	steps: readonly { step: number; name: string }[];
	twist?: { name: string; text: string } | null;
}

const trimmed = (s: string | null): string | null => {
	const t = s?.trim();
	return t ? t : null;
};

/** Blocks of a section: list items and paragraphs, each as one string. */
function blocks(section: string): string[] {
	const out: string[] = [];
	let current: string[] = [];
	const flush = (): void => {
		if (current.length > 0) out.push(current.join(" ").trim());
		current = [];
	};
	for (const line of section.split("\n")) {
		if (line.trim() === "") flush();
		else if (/^\s{0,3}(?:[-*+]|\d+[.)])\s+/.test(line)) {
			flush();
			current.push(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""));
		} else current.push(line.trim());
	}
	flush();
	return out.filter((b) => b !== "" && !/^#{1,6}\s/.test(b) && !/^\|/.test(b));
}

/** `**Question?** Answer` → both parts; a plain item is a question with no answer. */
export function followUpsIn(section: string): FollowUp[] {
	return blocks(section).map((b) => {
		const m = /^\*\*(.+?)\*\*[:.]?\s*(.*)$/.exec(b);
		if (m) return { question: m[1]!.trim(), answer: trimmed(m[2]!) };
		const q = /^(.+?\?)\s+(.+)$/.exec(b);
		return q ? { question: q[1]!.trim(), answer: q[2]!.trim() } : { question: b, answer: null };
	});
}

/** The numbered lines of "## In 45 minutes", without their numbers. */
function planLines(section: string): string[] {
	return section.split("\n").map((l) => /^\s*\d+[.)]\s+(.+)$/.exec(l)?.[1]?.trim()).filter((l): l is string => !!l);
}

export function interviewerCard(input: CardInput): InterviewerCard {
	const note = outlined(input.caseText);
	const section = (h: string): string | null => trimmed(sectionOf(note, h));
	const plan = planLines(section("In 45 minutes") ?? "");
	const checklistRange = sectionRange(note, "Checklist");
	const checklist = checklistRange ? tasksIn(note, checklistRange).map((t) => t.text) : [];
	const names = new Map(input.steps.map((s) => [s.step, s.name]));
	const stepNumbers = input.steps.length > 0 ? input.steps.map((s) => s.step) : Object.keys(STEP_SECTIONS).map(Number);
	let twist: InterviewerCard["twist"] = null;
	if (input.twist) twist = { name: input.twist.name, text: input.twist.text, whatChanges: null, modelAnswer: null };
	return {
		caseName: input.caseName,
		prompt: input.prompt ?? null,
		clarifying: section("Clarifying questions"),
		hints: plan.length > 0 ? plan : checklist,
		hintSource: plan.length > 0 ? "plan" : checklist.length > 0 ? "checklist" : null,
		followUps: followUpsIn(section("Follow-up questions") ?? ""),
		steps: stepNumbers.filter((n) => STEP_SECTIONS[n]).map((n) => ({
			step: n, name: names.get(n) ?? `Step ${n}`, section: STEP_SECTIONS[n]!, markdown: section(STEP_SECTIONS[n]!),
		})),
		redFlags: section("Pitfalls"),
		twist,
	};
}

/** Adds a twist note's "What changes" and "Model answer" to a card. */
export function withTwistNote(card: InterviewerCard, name: string, noteText: NoteInput): InterviewerCard {
	const parts = twistParts(noteText);
	return { ...card, twist: { name, text: card.twist?.text || parts.text, whatChanges: parts.whatChanges, modelAnswer: parts.modelAnswer } };
}

/** The card as one Markdown document (for a note, a partner's printout, or tests). */
export function cardMarkdown(card: InterviewerCard): string {
	const out: string[] = [`# Interviewer card: ${card.caseName}`, ""];
	if (card.prompt) out.push("> [!question] Ask", `> ${card.prompt}`, "");
	out.push("## Answers to clarifying questions", "", card.clarifying ?? "The case has no \"Clarifying questions\" section.", "");
	out.push("## Hints when the candidate is stuck", "");
	if (card.hints.length === 0) out.push("The case has neither an \"In 45 minutes\" plan nor a checklist.");
	else card.hints.forEach((h, i) => out.push(`${i + 1}. ${h}`));
	out.push("", "## Follow-up questions, in order", "");
	if (card.followUps.length === 0) out.push("The case lists no follow-up questions.");
	card.followUps.forEach((f, i) => out.push(`${i + 1}. **${f.question}**${f.answer ? ` ${f.answer}` : ""}`));
	if (card.twist) {
		out.push("", "## Twist", "", card.twist.text, "");
		if (card.twist.whatChanges) out.push("### What changes", "", card.twist.whatChanges, "");
		if (card.twist.modelAnswer) out.push("### Model answer", "", card.twist.modelAnswer, "");
	}
	out.push("", "## What a strong answer contains", "");
	for (const s of card.steps) out.push(`### ${s.name}`, "", s.markdown ?? `The case has no "${s.section}" section.`, "");
	out.push("## Red flags", "", card.redFlags ?? "The case lists no pitfalls.", "");
	return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
