#ifndef CCMARKGFM_SHIM_H
#define CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

// The node types the table and strikethrough extensions register when they are loaded.
// libcmark-gfm-extensions exports them (upstream's extensions/table.h and strikethrough.h
// declare them), but Debian installs neither header; they are read through functions so that
// Swift sees values, not shared mutable globals.
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

static inline cmark_node_type ccmark_node_type_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type ccmark_node_type_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type ccmark_node_type_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type ccmark_node_type_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }

#endif
