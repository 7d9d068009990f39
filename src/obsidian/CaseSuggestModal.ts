/** Choose a case study (or the generic checklist) with fuzzy search. */
import { FuzzySuggestModal, type App } from "obsidian";
import type { CaseRecord } from "../core/catalog";

export type CaseChoice = CaseRecord | "generic";

export class CaseSuggestModal extends FuzzySuggestModal<CaseChoice> {
	constructor(app: App, private readonly cases: CaseRecord[], private readonly onPick: (c: CaseChoice) => void) {
		super(app);
		this.setPlaceholder("Choose a case study, or the generic checklist");
	}

	getItems(): CaseChoice[] {
		return ["generic", ...this.cases];
	}

	getItemText(item: CaseChoice): string {
		return item === "generic" ? "Generic checklist (any problem)" : `${item.name} (${item.domain}, ${item.difficulty})`;
	}

	onChooseItem(item: CaseChoice): void {
		this.onPick(item);
	}
}
