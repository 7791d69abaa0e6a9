-- Dunmark's language server in Neovim's own LSP client, headless: open a letter, receive Dunmark's
-- diagnostics, ask for the code actions, apply the preferred fix and check the buffer, open a clean
-- letter and see no error. Run by test/neovim/run.sh (`npm test`):
--   DUNMARK_ROOT=<repo> DUNMARK_WORK=<folder with copies of the letters> nvim --headless --clean -c 'luafile test/neovim/lsp.lua'
-- The client setup is the one docs/editors.md gives for Neovim (start_client on 0.7, vim.lsp.start on 0.8+).
local root = assert(os.getenv('DUNMARK_ROOT'), 'DUNMARK_ROOT')
local work = assert(os.getenv('DUNMARK_WORK'), 'DUNMARK_WORK')
local timeout = 60000

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit! 1')
end

local function ok(message)
  io.stdout:write('  ok ' .. message .. '\n')
end

-- every publishDiagnostics the client receives, by URI (an empty list counts: the server has spoken)
local published = {}
local original = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  return original(err, result, ctx, config)
end

local config = {
  name = 'dunmark',
  cmd = { 'node', root .. '/dist/cli.mjs', 'lsp', '--stdio' },
  root_dir = work,
  -- answered to the server's workspace/configuration requests (section `dunmark`)
  settings = { dunmark = { today = '2026-11-20', messageLanguage = 'en' } },
}

local client_id
local function attach(buf)
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = buf })
  else
    client_id = client_id or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
end

local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/' .. name))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'
  attach(buf)
  return buf, vim.uri_from_bufnr(buf)
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function lsp_diagnostics(uri, rule)
  local out = {}
  for _, d in ipairs(published[uri] or {}) do
    if rule == nil or d.code == rule then table.insert(out, d) end
  end
  return out
end

-- 1. a letter with mistakes: Dunmark's diagnostics arrive, the threat among them
local buf, uri = open('with-mistakes.md')
if not vim.wait(timeout, function() return #lsp_diagnostics(uri, 'no-threat') > 0 end, 50) then
  fail('no no-threat diagnostic for with-mistakes.md; got ' .. vim.inspect(published[uri]))
end
local threat = lsp_diagnostics(uri, 'no-threat')[1]
if threat.severity ~= 1 then fail('the threat is not an error: ' .. vim.inspect(threat)) end
local shown = vim.diagnostic.get(buf)
local seen = false
for _, d in ipairs(shown) do if code_of(d) == 'no-threat' then seen = true end end
if not seen then fail('vim.diagnostic does not show the threat') end
ok('diagnostics for with-mistakes.md (' .. #published[uri] .. ', the threat an error)')

-- 2. the code actions for it: the preferred fix, and disable comments
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
  textDocument = { uri = uri },
  range = threat.range,
  context = { diagnostics = { threat } },
}, timeout)
local actions = {}
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do table.insert(actions, action) end
end
local fix, disable
for _, action in ipairs(actions) do
  if action.kind == 'quickfix' and action.edit and not action.title:find('^Disable') then fix = fix or action end
  if action.title == 'Disable no-threat for this line' then disable = action end
end
if not fix then fail('no fix of the threat among ' .. vim.inspect(vim.tbl_map(function(a) return a.title end, actions))) end
if not disable then fail('no disable action') end
ok('code actions for the threat: ' .. #actions .. ', its fix: ' .. fix.title)

-- 3. apply the threat's fix: the buffer changes, the threat's diagnostic goes
vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
if text:find('find your family', 1, true) then fail('the threat is still in the buffer after the fix') end
if not vim.wait(timeout, function() return published[uri] ~= nil and #lsp_diagnostics(uri, 'no-threat') == 0 and #published[uri] > 0 end, 50) then
  fail('the threat diagnostic did not go after the fix: ' .. vim.inspect(lsp_diagnostics(uri, 'no-threat')))
end
ok('the fix applied; the threat is gone and ' .. #published[uri] .. ' other findings remain')

-- 4. the preferred fix of the wrong amount (the one a person takes with a single key), applied
local amount = lsp_diagnostics(uri, 'amount-matches-facts')[1]
if not amount then fail('no amount-matches-facts diagnostic') end
local amount_actions = {}
for _, response in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
  textDocument = { uri = uri },
  range = amount.range,
  context = { diagnostics = { amount } },
}, timeout) or {}) do
  for _, action in ipairs(response.result or {}) do table.insert(amount_actions, action) end
end
local preferred
for _, action in ipairs(amount_actions) do
  if action.isPreferred and action.kind == 'quickfix' then preferred = preferred or action end
end
if not preferred then fail('no preferred fix for the wrong amount among ' .. vim.inspect(vim.tbl_map(function(a) return a.title end, amount_actions))) end
vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
if not text:find('Invoice HVW-2026-1187 for USD 18,400.00', 1, true) then fail('the preferred fix did not put the right amount in the buffer') end
if not vim.wait(timeout, function() return #lsp_diagnostics(uri, 'amount-matches-facts') == 0 and #published[uri] > 0 end, 50) then
  fail('the amount diagnostic did not go after its preferred fix')
end
ok('the preferred fix (' .. preferred.title .. ') applied; the buffer has the right amount')

-- 5. a clean letter: diagnostics published, no error among them
local clean_buf, clean_uri = open('reminder-en.md')
if not vim.wait(timeout, function() return published[clean_uri] ~= nil end, 50) then fail('no diagnostics published for reminder-en.md') end
for _, d in ipairs(published[clean_uri]) do
  if d.severity == 1 then fail('an error on the clean reminder: ' .. d.message) end
end
ok('reminder-en.md has no error (' .. #published[clean_uri] .. ' findings)')

-- 6. hover on an amount says which fact it matches
local line = vim.fn.search('USD 18,400.00', 'n')
if line > 0 then
  local col = vim.fn.getline(line):find('USD 18,400.00', 1, true)
  local hovers = vim.lsp.buf_request_sync(clean_buf, 'textDocument/hover', {
    textDocument = { uri = clean_uri },
    position = { line = line - 1, character = col + 4 },
  }, timeout)
  local found = false
  for _, r in pairs(hovers or {}) do
    if r.result and vim.inspect(r.result.contents):find('Matches front matter', 1, true) then found = true end
  end
  if not found then fail('no amount hover') end
  ok('hover explains the amount')
end

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
io.stdout:write('neovim: 1 passed, 0 failed\n')
vim.cmd('qall!')
