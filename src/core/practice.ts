/**
 * The practice note written by "Start practice": the prompt and twist, a time
 * plan, an answer scaffold per step, the checklist, and the reference case
 * behind a folded callout so nothing is spoiled.
 */
import { checklistToMarkdown, stepTitle, type ChecklistSection } from "./checklist";
import type { Draw } from "./prompt";

export interface PracticeStep {
	step: number;
	name: string;
	minutes: number;
}

export interface PracticeNoteInput {
	draw: Draw;
	date: string;
	steps: PracticeStep[];
	checklist: ChecklistSection[];
	totalMinutes: number;
}

/** Quotes a string for YAML when it needs it. */
export function yamlString(s: string): string {
	return JSON.stringify(s);
}

export function practiceTitle(draw: Draw, date: string): string {
	return `Practice ${date} ${draw.caseName}`;
}

export function practiceNote(input: PracticeNoteInput): string {
	const { draw, date, steps } = input;
	const lines: string[] = [
		"---",
		"type: practice",
		`case: ${yamlString(`[[${draw.caseName}]]`)}`,
		`prompt: ${yamlString(draw.prompt)}`,
		...(draw.twist ? [`twist: ${yamlString(draw.twist)}`] : []),
		`date: ${date}`,
		`minutes: ${input.totalMinutes}`,
		"rating:",
		"due:",
		"tags:",
		"  - mlsd/practice",
		"---",
		"",
		"> [!question] Interview prompt",
		`> ${draw.prompt}`,
		...(draw.twist ? [">", `> **Twist:** ${draw.twist}`] : []),
		"",
		"Answer out loud or in writing before you look at anything else. Keep to the time plan; the checklist at the end is for review.",
		"",
		"## Time plan",
		"",
		"| Step | Minutes | Ends at minute |",
		"| --- | ---: | ---: |",
	];
	let elapsed = 0;
	for (const s of steps) {
		elapsed += s.minutes;
		lines.push(`| ${s.step}. ${stepTitle(s.name)} | ${s.minutes} | ${elapsed} |`);
	}
	lines.push("", "## Your answer", "");
	for (const s of steps) {
		lines.push(`### ${s.step}. ${stepTitle(s.name)} (${s.minutes} min)`, "", "- ", "");
	}
	lines.push("## Checklist", "", "Tick what your answer covered.", "");
	lines.push(checklistToMarkdown(input.checklist, { heading: null, level: 3 }).trimEnd(), "");
	lines.push(
		"## Reference answer",
		"",
		"> [!example]- Reference case study (open only after answering)",
		`> [[${draw.caseName}]]`,
		">",
		`> ![[${draw.caseName}]]`,
		"",
	);
	return lines.join("\n");
}
