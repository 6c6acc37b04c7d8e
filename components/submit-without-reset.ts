// React 19 resets a <form action> after every submission; with controlled fields (selects and
// checkboxes held in state) that leaves the DOM out of step with what the component shows.
// Dispatching the action by hand keeps the fields as the user left them.
import { startTransition, type FormEvent } from "react";

export function submitWithoutReset(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Keep the clicked button's name/value, as a native submission would.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter ?? undefined);
    startTransition(() => dispatch(data));
  };
}
