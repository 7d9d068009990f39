/** Turning a template note into a new note of the type it is a template for. */
import { splitFrontmatter } from "./markdown";

export const TEMPLATE_KINDS = ["case-study", "concept", "checklist"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/**
 * Rewrites `type: template` + `template-for: X` into `type: X` and puts the
 * title in the first heading. Everything else in the template is kept as the
 * user wrote it.
 */
export function instantiateTemplate(templateText: string, kind: TemplateKind, title: string): string {
	const split = splitFrontmatter(templateText);
	const yaml = (split.yaml ?? "")
		.split("\n")
		.filter((l) => !/^template-for\s*:/.test(l))
		.map((l) => (/^type\s*:/.test(l) ? `type: ${kind}` : l));
	if (!yaml.some((l) => /^type\s*:/.test(l))) yaml.unshift(`type: ${kind}`);
	let body = split.body.replace(/^\s*\n/, "");
	body = /^# .*$/m.test(body) ? body.replace(/^# .*$/m, `# ${title}`) : `# ${title}\n\n${body}`;
	return `---\n${yaml.join("\n")}\n---\n${body}`;
}

/** A minimal note of the kind, used when no template note can be found. */
export function fallbackTemplate(kind: TemplateKind): string {
	switch (kind) {
		case "case-study":
			return "---\ntype: template\ntemplate-for: case-study\ndomain: recsys\ndifficulty: medium\nprompts:\n  - Design ...\nconcepts: []\ntags:\n  - mlsd/case-study\n---\n# Title\n\n## Prompt\n\n## Clarifying questions\n\n## Framing as an ML task\n\n## Data and features\n\n## Model\n\n## Evaluation\n\n## Serving\n\n## Monitoring\n\n## Follow-up questions\n\n## Pitfalls\n\n## Checklist\n\n- [ ] \n\n## Related\n";
		case "concept":
			return "---\ntype: template\ntemplate-for: concept\ncategory: model\naliases: []\ntags:\n  - mlsd/concept\n---\n# Title\n\n## How it works\n\n## When to use it\n\n## Trade-offs\n\n## Where it shows up\n\n## Flashcards\n\nQuestion::Answer\n\n## See also\n";
		case "checklist":
			return "---\ntype: template\ntemplate-for: checklist\nstep: 3\ntags:\n  - mlsd/checklist\n---\n# Title\n\n## Checklist\n\n- [ ] \n";
	}
}
