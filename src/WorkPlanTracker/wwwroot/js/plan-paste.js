// Hands the pasted plan to the server as a byte stream, which Blazor sends in small pieces. Bound to the
// textarea, the whole text would travel in one message, and a message over the connection's 32 KB limit
// (about 10,000 Chinese characters) silently drops the circuit.
export function pastedText(textarea) {
    return new TextEncoder().encode(textarea.value);
}
