// @vitest-environment jsdom
/** The shell of the forms that add or edit one record: its conflicts, its error and its actions. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordForm } from '../../../renderer/ui/RecordForm';

afterEach(cleanup);

const base = () => ({
  formRef: createRef<HTMLFormElement>(),
  label: 'Marketing activity',
  onSubmit: vi.fn((e: { preventDefault(): void }) => e.preventDefault()),
  formError: null,
  submitLabel: 'Log activity',
  saving: false,
  onCancel: vi.fn(),
  children: <input aria-label="Title" />,
});

describe('RecordForm', () => {
  it('adds: the fields, Cancel and the submit button, no Delete', () => {
    const props = base();
    render(<RecordForm {...props} />);
    const form = screen.getByRole('form', { name: 'Marketing activity' });
    expect(screen.getByRole('textbox', { name: 'Title' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(props.onCancel).toHaveBeenCalledTimes(1);
    fireEvent.submit(form);
    expect(props.onSubmit).toHaveBeenCalledTimes(1);
    expect(props.formRef.current).toBe(form);
  });

  it('shows the error of a refused save and waits while saving', () => {
    render(<RecordForm {...base()} formError="The title is required" saving />);
    expect(screen.getByRole('alert').textContent).toBe('The title is required');
    const submit = screen.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
  });

  it('edits: Delete, the conflicts to settle first, and no save without a change', () => {
    const resolve = vi.fn();
    const remove = vi.fn();
    const props = {
      ...base(),
      submitLabel: 'Save',
      remove: { run: remove, busy: false, className: 'mk-delete' },
    };
    const conflicts = [{ field: 'title', mine: 'Demo day', theirs: 'Demo day #2' }];
    const { rerender } = render(
      <RecordForm {...props} edit={{ form: { conflicts, resolve }, label: () => 'Title' }} canSubmit />,
    );
    expect(screen.getByText('Demo day #2', { exact: false })).toBeTruthy();
    const save = () => screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save().disabled).toBe(true);
    const del = screen.getByRole('button', { name: 'Delete' });
    expect(del.className).toBe('danger mk-delete');
    fireEvent.click(del);
    expect(remove).toHaveBeenCalledTimes(1);

    rerender(
      <RecordForm {...props} edit={{ form: { conflicts: [], resolve }, label: () => 'Title' }} canSubmit />,
    );
    expect(save().disabled).toBe(false);
    rerender(
      <RecordForm
        {...props}
        edit={{ form: { conflicts: [], resolve }, label: () => 'Title' }}
        canSubmit={false}
      />,
    );
    expect(save().disabled).toBe(true);
  });
});
