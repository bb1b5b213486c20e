// Print buttons carry data-print instead of an inline onclick, which the Content-Security-Policy forbids.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});
