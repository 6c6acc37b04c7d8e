"use client";

// The native <dialog> element opened as a modal: the browser traps focus in it, makes the page
// behind inert, closes it on Escape and gives focus back to what had it. This hook keeps the
// element in step with React state; `onClose` reports every way it closes.
import {
  cloneElement,
  isValidElement,
  useEffect,
  useRef,
  useSyncExternalStore,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from "react";
import { createPortal } from "react-dom";

export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

/** Closes when the click lands on the backdrop (the dialog element itself, outside its padded content). */
export function closeOnBackdrop(close: () => void) {
  return (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) close();
  };
}

/** The trigger element with its click opening the dialog (and its own onClick kept). */
export function withOpener(trigger: ReactNode, open: () => void, dialogId: string, expanded: boolean): ReactNode {
  if (!isValidElement(trigger)) return trigger;
  const element = trigger as ReactElement<{ onClick?: (event: MouseEvent) => void }>;
  return cloneElement(element, {
    onClick: (event: MouseEvent) => {
      element.props.onClick?.(event);
      if (!event.defaultPrevented) open();
    },
    "aria-haspopup": "dialog",
    "aria-expanded": expanded,
    "aria-controls": dialogId,
  } as Record<string, unknown>);
}

/**
 * Renders the dialog at the end of <body> once the page runs in the browser: a
 * dialog (and the form inside it) is then never nested in a table, a list or another form.
 */
export function ModalPortal({ children }: { children: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return inBrowser ? createPortal(children, document.body) : null;
}

const noSubscription = () => () => {};
