import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '../state/store.js';

/** Where the prompt files live, and the ones that could not be used with their errors. */
export function PromptFilesInfo() {
  const { errors, promptsDir } = useWorkbench(useShallow((s) => ({ errors: s.reviewPassErrors, promptsDir: s.reviewPromptsDir })));
  return (
    <details className="rs-prompts" open={errors.length > 0}>
      <summary>
        Prompt files {errors.length > 0 && <span className="rs-bad">({errors.length} with errors)</span>}
      </summary>
      <p className="muted">
        Edit a pass or add your own in <code>{promptsDir || 'the prompts folder of the data directory'}</code>.
      </p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.origin}:${e.file}`} className="rs-prompt-error">
            <code>{e.file}</code> ({e.origin}): {e.error}
          </li>
        ))}
      </ul>
    </details>
  );
}
