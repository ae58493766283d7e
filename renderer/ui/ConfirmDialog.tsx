/**
 * "Are you sure?" for actions that are hard to undo (closing a cycle, deleting one). A refused
 * action shows its reason inside the dialog, where the user is looking.
 */
import type { ReactNode } from 'react';
import { useSaveForm } from './use-save';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { formError: error, saving: busy, save, setFormError } = useSaveForm();

  function close() {
    setFormError(null);
    onClose();
  }

  async function confirm() {
    // `true` marks success, whatever onConfirm resolves to.
    if (await save(async () => (await onConfirm(), true))) close();
  }

  return (
    <Dialog open={open} title={title} onClose={close}>
      <div className="confirm-body">{children}</div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className={danger ? 'danger-solid' : 'primary'}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
