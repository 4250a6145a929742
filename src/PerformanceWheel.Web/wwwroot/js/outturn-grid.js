// The interactive outturn grid (Components/Pages/Outturns/OutturnGrid.razor). Blazor's paste event carries no text, so
// this module reads a paste into one of the grid's cells: a block copied from a spreadsheet (a tab or a line break in
// it) goes to the grid's PasteAsync, which fills the cells it covers; a single value pastes as typing does.
// A block larger than the circuit takes in one message (maxChars, from Circuits:MaximumReceiveMessageBytes) is not sent:
// the connection would be cut; the grid says so and the officer pastes it in parts or imports the workbook.
// A grid has one listener: a circuit that resumes (Blazor.resumeCircuit) renders the grid again and calls listen again.
export function listen(grid, grid_dotnet, maxChars) {
    if (grid.pasteListener) { grid.removeEventListener('paste', grid.pasteListener); }
    grid.pasteListener = function (e) {
        var cell = e.target && e.target.closest ? e.target.closest('input[data-cell]') : null;
        if (!cell || !e.clipboardData) { return; }
        var text = e.clipboardData.getData('text/plain');
        if (!/[\t\r\n]/.test(text.replace(/(\r\n|\n|\r)$/, ''))) { return; }
        e.preventDefault();
        if (maxChars && text.length > maxChars) {
            grid_dotnet.invokeMethodAsync('PasteTooLargeAsync', text.length);
            return;
        }
        grid_dotnet.invokeMethodAsync('PasteAsync', cell.id, text);
    };
    grid.addEventListener('paste', grid.pasteListener);
}

// Leaving with unsaved changes asks first: the page-wide guard (unsaved-changes.js) that the finance entry uses too.
export { guard } from './unsaved-changes.js';
