/** Asks for a note title; Enter or the button creates it. */
import { Modal, Setting, type App } from "obsidian";

export class NameModal extends Modal {
	private value = "";

	constructor(app: App, private readonly title: string, private readonly onSubmit: (name: string) => void) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(this.title);
		new Setting(this.contentEl).setName("Title").addText((t) => {
			t.setPlaceholder("For example: Design a podcast recommender").onChange((v) => (this.value = v));
			t.inputEl.addEventListener("keydown", (e: KeyboardEvent) => {
				if (e.key === "Enter" && !e.isComposing) {
					e.preventDefault();
					this.submit();
				}
			});
			window.setTimeout(() => t.inputEl.focus(), 0);
		});
		new Setting(this.contentEl).addButton((b) => b.setButtonText("Create").setCta().onClick(() => this.submit()));
	}

	private hint: HTMLElement | null = null;

	private submit(): void {
		if (this.value.trim() === "") {
			this.hint ??= this.contentEl.createDiv({ cls: "mlsd-setting-error" });
			this.hint.setText("Enter a title first.");
			return;
		}
		this.close();
		this.onSubmit(this.value.trim());
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
