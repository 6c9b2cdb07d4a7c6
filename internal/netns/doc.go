// Package netns creates throw-away Linux network namespaces and veth pairs for
// rawcap's live tests, and runs code or commands inside them, so that test
// traffic never leaves the machine's namespaces that the test itself made.
//
// Every constructor takes a testing.TB: it skips the test with a clear message
// when not running as root or when the ip command is missing, and registers a
// cleanup that deletes what it created even when the test fails. On systems
// other than Linux the constructors skip.
package netns
