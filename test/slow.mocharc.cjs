module.exports = require('./suites.cjs').suite('slow');
