/* What if a buyer leaves?  The exit shock of one or more actors.
 *
 *   exit-shock MODEL.json ACTOR [ACTOR...]
 *
 * Removes the actors and their transactions, then compares, in each chain
 * of the model, the deliverable flow (the most produce that can reach the
 * end markets) before and after,
 * names the producers left with no route to any end market, and the
 * capacities that bind once the actors are gone.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stdio.h>

static void
print_binding(const mkg_flow *flow, const char *unit)
{
	for (size_t i = 0; i < mkg_flow_binding_count(flow); i++) {
		const mkg_binding *b = mkg_flow_binding_at(flow, i);
		if (b->type == MKG_BINDING_TRANSACTION)
			printf("  link %s -> %s: %.0f %s\n", b->seller, b->buyer, b->capacity, unit);
		else
			printf("  %s of %s: %.0f %s\n",
			       b->type == MKG_BINDING_DEMAND ? "demand" : "capacity", b->actor,
			       b->capacity, unit);
	}
}

/* The shock in one chain; 1 when something flows in it, else 0. */
static int
print_chain(const mkg_model *model, mkg_shock_options *opts, const mkg_chain *chain)
{
	mkg_shock *shock = NULL;
	const char *unit = chain->unit ? chain->unit : "units";
	double before;

	opts->chain = chain->commodity;
	if (mkg_shock_new(&shock, model, opts) != MKG_OK) {
		fprintf(stderr, "%s\n", mkg_error_message());
		return -1;
	}
	before = mkg_flow_max_flow(mkg_shock_before(shock));
	if (before > 0) {
		printf("Without");
		for (size_t i = 0; i < mkg_shock_removed_count(shock); i++)
			printf(" %s", mkg_shock_removed_at(shock, i));
		printf(", %s chain (%s of %s equivalent):\n", chain->commodity, unit,
		       chain->commodity);
		printf("deliverable flow %.0f -> %.0f %s (loss %.1f%%)\n", before,
		       mkg_flow_max_flow(mkg_shock_after(shock)), unit,
		       100 * mkg_shock_loss(shock) / before);
		printf("%zu producers stranded, supply %.0f %s:\n", mkg_shock_stranded_count(shock),
		       mkg_shock_stranded_supply(shock), unit);
		for (size_t i = 0; i < mkg_shock_stranded_count(shock); i++)
			printf("  %s\n", mkg_shock_stranded_at(shock, i));
		printf("binding after the exit:\n");
		print_binding(mkg_shock_after(shock), unit);
	} else {
		printf("%s chain: no produce reaches an end market\n", chain->commodity);
	}
	mkg_shock_free(shock);
	return before > 0;
}

int
main(int argc, char **argv)
{
	mkg_shock_options opts = MKG_SHOCK_OPTIONS_INIT;
	mkg_model *model = NULL;
	size_t chains = 0;
	int rc = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: %s MODEL.json ACTOR [ACTOR...]\n", argv[0]);
		return 2;
	}
	if (mkg_json_read_file(&model, argv[1]) != MKG_OK ||
	    mkg_model_chain_count(model, &chains) != MKG_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], mkg_error_message());
		mkg_model_free(model);
		return 1;
	}
	/* The ids are copied; an unknown one fails with `remove: unknown actor "x"`. */
	opts.remove = (const char *const *)argv + 2;
	opts.remove_count = (size_t)argc - 2;
	/* One shock per chain (primary commodity): volumes of different
	 * commodities are never added.  Chains where nothing reaches an end
	 * market are only named. */
	for (size_t c = 0; c < chains && rc >= 0; c++)
		rc = print_chain(model, &opts, mkg_model_chain_at(model, c));
	mkg_model_free(model);
	return rc < 0 ? 1 : 0;
}
