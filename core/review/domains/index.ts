export { BUILTIN_DOMAINS, type DomainDefinition } from './catalog.js';
export { classifyDomains, domainTitle, type DomainClassification } from './classify.js';
export { compileTerm, type CompiledTerm } from './terms.js';
