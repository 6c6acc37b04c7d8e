// React 19 resets a <form action> after every submission; with controlled fields (selects and
// checkboxes held in state) that leaves the DOM out of step with what the component shows.
// Dispatching the action by hand keeps the fields as the user left them.
import { startTransition, type FormEvent } from "react";

export function submitWithoutReset(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
}
