/* marketgraph command-line tool: the market map as DOT text, shared by
 * `export --format dot` and `render`.  The drawing is the library's
 * (mkg_dot_write_string); here only the analyses behind --highlight run.
 * SPDX-License-Identifier: MIT */
#include "cli.h"

int
cli_map_dot(const mkg_model *model, gboolean highlight, char **out, size_t *len)
{
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	mkg_flow *flow = NULL;
	mkg_captive *captive = NULL;
	mkg_coalitions *coalitions = NULL;
	int status = MKG_OK;

	if (highlight) {
		/* Producers and end markets are the sources and sinks, as in the
		 * report; the coalitions are the model's groups. */
		if ((status = mkg_flow_new(&flow, model, NULL)) != MKG_OK ||
		    (status = mkg_captive_new(&captive, model, NULL)) != MKG_OK ||
		    (status = mkg_coalitions_new(&coalitions, model, NULL)) != MKG_OK)
			goto out;
		opts.flow = flow;
		opts.captive = captive;
		opts.coalitions = coalitions;
	}
	status = mkg_dot_write_string(model, &opts, out, len);
out:
	mkg_coalitions_free(coalitions);
	mkg_captive_free(captive);
	mkg_flow_free(flow);
	return status;
}
