/**
 * Choosing an app by typing its name: the portfolio may hold 20,000 apps, too many for a select,
 * so the box suggests the first names that start with what is typed (read through the name
 * index) and takes an app when the text is exactly one's name. Typed text is reported to the form
 * (`onUnmatched`) until the read finds the app it names, so a form submitted before the read ends
 * looks the name up itself, and text that names no app is said so at the field, never dropped.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useApp, useAppMatches } from './data/queries';

interface AppPickerProps {
  label: string;
  appId: string | null;
  onChange(appId: string | null): void;
  /** The typed text while it is not known to name an app: it names none, or the names are still being read (null when it names one, or is empty). */
  onUnmatched?(text: string | null): void;
  placeholder?: string;
  /** Props the Field wrapper passes (id, aria-invalid, aria-describedby). */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export function AppPicker({ label, appId, onChange, onUnmatched, placeholder, ...field }: AppPickerProps) {
  const listId = useId();
  const app = useApp(appId);
  const [text, setText] = useState('');
  /** Whether the text is the user's (not the chosen app's name shown by the effect below). */
  const typed = useRef(false);
  // The chosen app's name, once read, and again when the app is chosen or renamed elsewhere.
  useEffect(() => {
    if (appId === null) setText((was) => (typed.current ? was : ''));
    else if (app) {
      typed.current = false;
      setText(app.name);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [appId, app?.name]);
  const found = useAppMatches(text);
  const matches = found?.prefix === text.trim() ? found.apps : undefined;

  // Takes the app the text names exactly, once the names that start with it are read.
  useEffect(() => {
    if (!typed.current) return;
    const wanted = text.trim().toLowerCase();
    if (wanted === '') {
      onUnmatched?.(null);
      if (appId !== null) onChange(null);
      return;
    }
    if (app && app.name.toLowerCase() === wanted) {
      onUnmatched?.(null);
      return;
    }
    if (!matches) return;
    const match = matches.find((m) => m.name.toLowerCase() === wanted);
    onUnmatched?.(match ? null : text.trim());
    if ((match?.id ?? null) !== appId) onChange(match?.id ?? null);
    // Runs on what was typed and what was read; the callbacks change with every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, matches]);

  return (
    <>
      <input
        type="search"
        className="app-picker"
        aria-label={field.id ? undefined : label}
        placeholder={placeholder ?? 'Type an app’s name'}
        list={listId}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          typed.current = true;
          setText(e.target.value);
          const typedText = e.target.value.trim();
          onUnmatched?.(typedText === '' ? null : typedText);
        }}
        {...field}
      />
      <datalist id={listId}>
        {(matches ?? []).map((m) => (
          <option key={m.id} value={m.name} />
        ))}
      </datalist>
    </>
  );
}
