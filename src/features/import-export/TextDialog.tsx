import { useState } from 'react';
import { openRawText } from '../../store/open-any';

/**
 * "New from text…": paste prose (or open a .txt through Open…); it is split into sentences and
 * tokens, every token O, and opened for annotation.
 */
export function TextDialog(props: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('pasted-text');
  const [message, setMessage] = useState('');
  return (
    <form
      aria-label="New from text"
      className="absolute left-0 top-full z-30 mt-1 w-[32rem] rounded border border-slate-300 bg-white p-3 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-800"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        if (text.trim() === '') {
          setMessage('Paste some text first.');
          return;
        }
        setMessage('Tokenizing…');
        if (await openRawText(text, name.trim() || 'pasted-text')) props.onClose();
        else setMessage('No tokens found in the text.');
      }}
    >
      <label className="block font-semibold" htmlFor="raw-text">
        Text to annotate
      </label>
      <textarea
        id="raw-text"
        autoFocus
        rows={10}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Paste plain text: it is split into sentences and tokens, every token O."
        className="mt-1 w-full rounded border border-slate-300 bg-white p-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
      />
      <label className="mt-2 flex items-center gap-1.5">
        Name
        <input
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          className="w-48 rounded border border-slate-300 bg-white px-1.5 py-0.5 dark:border-slate-600 dark:bg-slate-900"
        />
        <span className="text-xs text-slate-600 dark:text-slate-300">
          (exported as {name || 'pasted-text'}.conll)
        </span>
      </label>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        A .txt file opened with Open… or dropped on the page is read the same way when it is prose.
      </p>
      <div className="mt-2 flex gap-2">
        <button
          type="submit"
          className="rounded bg-blue-700 px-2 py-1 text-white hover:bg-blue-800"
        >
          Tokenize and open
        </button>
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
          onClick={props.onClose}
        >
          Cancel
        </button>
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs">
        {message}
      </p>
    </form>
  );
}
