/** Turning a template note into a new note of the kind it is a template for. */
import { splitFrontmatter } from "./markdown";
import { kindTag, normalizeTag } from "./schema";

export const TEMPLATE_KINDS = ["case-study", "concept", "checklist"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

const TEMPLATE_TAG = kindTag("template");

const unquote = (s: string): string => s.trim().replace(/^["']|["']$/g, "");

/**
 * The `tags` of a YAML block with `mlsd/template` removed and the kind's tag
 * present, edited line by line so every other line stays as the user wrote it.
 * Handles block lists (`tags:` then `  - x`), flow lists (`tags: [a, b]`) and
 * plain text (`tags: a, b`).
 */
export function retagLines(yaml: string[], kind: TemplateKind): string[] {
	const want = kindTag(kind);
	const keyAt = yaml.findIndex((l) => /^tags\s*:/.test(l));
	if (keyAt < 0) return [...yaml, "tags:", `  - ${want}`];
	const inline = yaml[keyAt]!.replace(/^tags\s*:/, "").trim();
	if (inline !== "") {
		const items = inline.replace(/^\[|\]$/g, "").split(",").map(unquote).filter((t) => t !== "" && normalizeTag(t) !== TEMPLATE_TAG);
		if (!items.some((t) => normalizeTag(t) === want)) items.push(want);
		return [...yaml.slice(0, keyAt), `tags: [${items.join(", ")}]`, ...yaml.slice(keyAt + 1)];
	}
	let end = keyAt + 1;
	while (end < yaml.length && /^\s*-(\s|$)/.test(yaml[end]!)) end++;
	const items = yaml.slice(keyAt + 1, end).filter((l) => normalizeTag(unquote(l.replace(/^\s*-\s*/, ""))) !== TEMPLATE_TAG);
	if (!items.some((l) => normalizeTag(unquote(l.replace(/^\s*-\s*/, ""))) === want)) items.push(`  - ${want}`);
	return [...yaml.slice(0, keyAt + 1), ...items, ...yaml.slice(end)];
}

/**
 * Turns a template into a new note: drops `template-for` and the template
 * marker (`type: template`, the `mlsd/template` tag), makes sure the kind's
 * tag is there, and puts the title in the first heading. Everything else in
 * the template is kept as the user wrote it.
 */
export function instantiateTemplate(templateText: string, kind: TemplateKind, title: string): string {
	const split = splitFrontmatter(templateText);
	const yaml = (split.yaml ? split.yaml.split("\n") : [])
		.filter((l) => !/^template-for\s*:/.test(l) && !/^type\s*:\s*["']?template["']?\s*$/.test(l));
	const lines = retagLines(yaml, kind);
	let body = split.body.replace(/^\s*\n/, "");
	body = /^# .*$/m.test(body) ? body.replace(/^# .*$/m, `# ${title}`) : `# ${title}\n\n${body}`;
	return `---\n${lines.join("\n")}\n---\n${body}`;
}

/** A minimal note of the kind, used when no template note can be found. */
export function fallbackTemplate(kind: TemplateKind): string {
	switch (kind) {
		case "case-study":
			return "---\ntemplate-for: case-study\ndomain: recsys\ndifficulty: medium\nprompts:\n  - Design ...\nconcepts: []\ntags:\n  - mlsd/template\n  - mlsd/case-study\n---\n# Title\n\n## Prompt\n\n## In 45 minutes\n\n1. **0-5 min** \n\n## Clarifying questions\n\n## Framing as an ML task\n\n## Data and features\n\n## Model\n\n## Evaluation\n\n## Serving\n\n## Monitoring\n\n## Follow-up questions\n\n## Pitfalls\n\n## Adjacent problems\n\n## Checklist\n\n- [ ] \n\n## Further reading\n\n## Related\n";
		case "concept":
			return "---\ntemplate-for: concept\ncategory: model\naliases: []\ntags:\n  - mlsd/template\n  - mlsd/concept\n---\n# Title\n\n## How it works\n\n## When to use it\n\n## Trade-offs\n\n## Where it shows up\n\n## Flashcards\n\nQuestion::Answer\n\n## See also\n";
		case "checklist":
			return "---\ntemplate-for: checklist\nstep: 3\ntags:\n  - mlsd/template\n  - mlsd/checklist\n---\n# Title\n\n## Checklist\n\n- [ ] \n";
	}
}
