// Marks the page as scripted before it is drawn, so CSS can hide what scripts replace
// (a separate file: the Content-Security-Policy allows no inline script).
document.documentElement.classList.add('js');
