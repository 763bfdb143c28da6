-- Driven by test_neovim.py after the README's init.lua: Neovim's built-in LSP client with
-- `agentlint lsp` attached to one agent file. Writes what it saw to $AGENTLINT_RESULT (JSON) and quits.
local file = os.getenv('AGENTLINT_FILE')
local result = { steps = {} }

local function save()
  vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('AGENTLINT_RESULT'))
end

-- The diagnostics Neovim holds for the buffer, as {rule, line, col} (0-based, bytes).
local function diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, { rule = d.code or (d.user_data and d.user_data.lsp.code), line = d.lnum,
                        col = d.col, message = d.message })
  end
  table.sort(out, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    if a.col ~= b.col then return a.col < b.col end
    return a.rule < b.rule
  end)
  return out
end

local function has_rule(buf, rule)
  for _, d in ipairs(diagnostics(buf)) do
    if d.rule == rule then return true end
  end
  return false
end

local ok, err = pcall(function()
  -- The README's init.lua starts the client and attaches it when a Markdown file opens.
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.bo[buf].filetype == 'markdown', 'the agent file is not detected as Markdown')
  assert(vim.wait(20000, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 50),
    'the README init.lua attached no client')

  -- 1. On open: the diagnostics arrive.
  assert(vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50),
    'no diagnostics after opening')
  result.on_open = diagnostics(buf)

  -- 2. Typing (no save): a misspelt tool appears at once, and goes when corrected.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local tools_line
  for i, line in ipairs(lines) do
    if line:match('^tools:') then tools_line = i - 1 end
  end
  local original = lines[tools_line + 1]
  vim.api.nvim_buf_set_lines(buf, tools_line, tools_line + 1, false, { original .. ', Bassh' })
  result.typed = vim.wait(20000, function() return has_rule(buf, 'AL103') end, 50)
  vim.api.nvim_buf_set_lines(buf, tools_line, tools_line + 1, false, { original })
  result.untyped = vim.wait(20000, function() return not has_rule(buf, 'AL103') end, 50)

  -- 3. The code action on the removed tool, applied and saved.
  local removed
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'AL118' or (d.user_data and d.user_data.lsp.code == 'AL118') then removed = d end
  end
  assert(removed, 'no removed-tool diagnostic')
  -- The file is ASCII: Neovim's byte columns are the UTF-16 characters LSP counts.
  local range = {
    start = { line = removed.lnum, character = removed.col },
    ['end'] = { line = removed.end_lnum, character = removed.end_col },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range,
    context = { diagnostics = { removed.user_data.lsp } },
  }, 20000)
  local action
  for _, response in pairs(responses or {}) do
    for _, a in ipairs(response.result or {}) do
      if a.kind == 'quickfix' and a.isPreferred and not action then action = a end
    end
  end
  assert(action, 'no preferred quick fix for the removed tool')
  result.action_title = action.title
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  vim.cmd('write')
  result.after_fix = vim.wait(20000, function() return not has_rule(buf, 'AL118') end, 50)
  result.final = diagnostics(buf)
end)
result.ok = ok
result.error = ok and vim.NIL or tostring(err)
save()
vim.cmd('qa!')
