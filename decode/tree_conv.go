package decode

// treeConv is the TreePrinter's per-conversation state: what tshark keeps
// per TCP and UDP stream to print its analysis lines.
type treeConv struct{}
