/**
 * Choosing one of thousands (5,000 people, 20,000 apps) by typing: an editable combobox (ARIA
 * 1.2) that lists the first matches as you type. ↓/↑ move in the list, Enter picks (and only
 * then does not submit the form), Escape closes the list (not the dialog), Tab leaves. With the
 * list closed, Enter submits the form as in any text field, so a form whose defaults fit saves
 * with one key. Clearing the text and leaving chooses none, where none is allowed.
 *
 * `PartnersPicker` is the same for several people: chosen ones show as buttons that remove them.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './picker.css';

export interface PickerOption {
  id: string;
  label: string;
  /** A second line: a person's team, an app's team. */
  hint?: string;
}

export type PickerSearch = (text: string) => PickerOption[] | Promise<PickerOption[]>;

interface PickerProps {
  /** The chosen option's id, or null. */
  value: string | null;
  /** What the field shows for the chosen option. */
  valueLabel: string;
  search: PickerSearch;
  onChange(id: string | null, option: PickerOption | null): void;
  /** Whether clearing the text chooses none (default true). */
  allowNone?: boolean;
  placeholder?: string;
  /** Keep the text empty after a pick (adding partners). */
  clearOnPick?: boolean;
  /** Backspace in the empty field (removing the last partner). */
  onBackspaceEmpty?(): void;
  // Set by <Field>.
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-autofocus'?: boolean;
}

export function Picker({
  value,
  valueLabel,
  search,
  onChange,
  allowNone = true,
  placeholder,
  clearOnPick,
  onBackspaceEmpty,
  ...field
}: PickerProps) {
  const listId = useId();
  const [text, setText] = useState(clearOnPick ? '' : valueLabel);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [active, setActive] = useState(-1);
  const request = useRef(0);

  // The label follows the value (chosen here or elsewhere) while the user is not typing.
  useEffect(() => {
    if (!editing) setText(clearOnPick ? '' : valueLabel);
  }, [valueLabel, editing, clearOnPick]);

  const find = async (query: string) => {
    const mine = ++request.current;
    const found = await search(query);
    if (mine !== request.current) return;
    setOptions(found);
    setActive(found.length > 0 ? 0 : -1);
    setOpen(true);
  };

  const pick = (option: PickerOption) => {
    onChange(option.id, option);
    request.current++;
    setOpen(false);
    setEditing(false);
    setText(clearOnPick ? '' : option.label);
  };

  const leave = () => {
    request.current++;
    setOpen(false);
    setEditing(false);
    if (text.trim() === '' && allowNone && value !== null && !clearOnPick) onChange(null, null);
    else setText(clearOnPick ? '' : valueLabel);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setEditing(true);
        void find(editing ? text : '');
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? -1 : (i + step + options.length) % options.length));
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape' && open) {
      // Closes the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && onBackspaceEmpty) {
      onBackspaceEmpty();
    }
  };

  const activeId = open && active >= 0 ? `${listId}-${active}` : undefined;
  return (
    <div className="picker">
      <input
        {...field}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setEditing(true);
          void find(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={leave}
      />
      <ul id={listId} role="listbox" className="picker-list" hidden={!open} aria-label="Matches">
        {open && options.length === 0 && (
          <li className="picker-empty" role="presentation">
            No match
          </li>
        )}
        {options.map((option, i) => (
          <li
            key={option.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // Keeps the focus in the field, so picking does not blur it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(option)}
          >
            <span>{option.label}</span>
            {option.hint && <small>{option.hint}</small>}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface PartnersPickerProps {
  ids: readonly string[];
  labelOf(id: string): string;
  search: PickerSearch;
  onChange(ids: string[]): void;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** Several people: each chosen one is a button that removes them; the field adds more. */
export function PartnersPicker({ ids, labelOf, search, onChange, ...field }: PartnersPickerProps) {
  return (
    <div className="partners">
      {ids.length > 0 && (
        <ul className="partner-chips" aria-label="Chosen partners">
          {ids.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="chip"
                aria-label={`Remove ${labelOf(id)}`}
                onClick={() => onChange(ids.filter((x) => x !== id))}
              >
                {labelOf(id)} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Picker
        {...field}
        value={null}
        valueLabel=""
        clearOnPick
        placeholder={ids.length > 0 ? 'Add another…' : 'Type a name…'}
        search={async (text) => (await search(text)).filter((o) => !ids.includes(o.id))}
        onChange={(id) => {
          if (id && !ids.includes(id)) onChange([...ids, id]);
        }}
        onBackspaceEmpty={() => ids.length > 0 && onChange(ids.slice(0, -1))}
      />
    </div>
  );
}

/** Options whose label contains the text (any case), at most `limit`, those starting with it first. */
export function matchOptions(all: readonly PickerOption[], text: string, limit = 12): PickerOption[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return all.slice(0, limit);
  const starts: PickerOption[] = [];
  const contains: PickerOption[] = [];
  for (const option of all) {
    const label = option.label.toLowerCase();
    if (label.startsWith(needle)) starts.push(option);
    else if (label.includes(needle)) contains.push(option);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}
