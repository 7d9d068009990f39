/** Turning a template note into a new note of the kind it is a template for. */
import { splitFrontmatter } from "./markdown";
import { kindTag, normalizeTag } from "./schema";
import type { Frontmatter } from "./types";
import { frontmatterBlock, type YamlCodec } from "./yaml";

export const TEMPLATE_KINDS = ["case-study", "concept", "checklist"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

const TEMPLATE_TAG = kindTag("template");

/**
 * Turns a template's properties into the new note's: drops `template-for`, the
 * template marker (`type: template`, the `mlsd/template` tag) and makes sure
 * the kind's tag is there. `tags` as text (`a, b`) becomes a list; every other
 * property is kept as it was. Returns a new object.
 */
export function instantiateProperties(template: Frontmatter, kind: TemplateKind): Frontmatter {
	const props: Frontmatter = { ...template };
	delete props["template-for"];
	if (typeof props.type === "string" && props.type.trim().toLowerCase() === "template") delete props.type;
	const current = props.tags;
	const list: unknown[] = Array.isArray(current)
		? (current as unknown[])
		: typeof current === "string" && current.trim() !== ""
			? current.split(/[,\s]+/).filter((t) => t !== "")
			: [];
	const isTag = (t: unknown, tag: string): boolean => typeof t === "string" && normalizeTag(t) === tag;
	const tags = list.filter((t) => t !== null && t !== undefined && !isTag(t, TEMPLATE_TAG));
	if (!tags.some((t) => isTag(t, kindTag(kind)))) tags.push(kindTag(kind));
	props.tags = tags;
	return props;
}

/**
 * Turns a template into a new note: properties as instantiateProperties
 * makes them, written by `yaml.stringify` (Obsidian's stringifyYaml in the
 * plugin), and the title in the first heading. The body is kept as written.
 * Throws when the template's properties are not valid YAML or not a mapping.
 */
export function instantiateTemplate(templateText: string, kind: TemplateKind, title: string, yaml: YamlCodec): string {
	const split = splitFrontmatter(templateText);
	let template: Frontmatter = {};
	if (split.yaml !== null && split.yaml.trim() !== "") {
		const parsed = yaml.parse(split.yaml);
		if (parsed !== null && parsed !== undefined) {
			if (typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("the template's properties are not a list of names and values");
			template = parsed as Frontmatter;
		}
	}
	let body = split.body.replace(/^\s*\n/, "");
	body = /^# .*$/m.test(body) ? body.replace(/^# .*$/m, () => `# ${title}`) : `# ${title}\n\n${body}`;
	return frontmatterBlock(instantiateProperties(template, kind), yaml.stringify) + body;
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
