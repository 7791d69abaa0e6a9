import { lint } from '../index.js';
void lint;
console.log('dunmark: not yet');
