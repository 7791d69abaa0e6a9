module.exports = require('./suites.cjs').suite('fast');
