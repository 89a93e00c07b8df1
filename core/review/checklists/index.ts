export { GENERAL_DOMAIN, buildChecklistLibrary, parseChecklistFile, type Checklist, type ChecklistItem, type ChecklistLibrary, type ChecklistParse } from './checklist-file.js';
export { checklistsFor, classifyWithChecklists, domainDefinitions, itemCoverage, renderChecklistBlock, CHECKLIST_BUDGET_CHARS, type Coverage, type ItemCoverage } from './match.js';
