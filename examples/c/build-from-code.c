/* Build a market model in code, no JSON file, then analyse and export it.
 *
 *   build-from-code
 *
 * Three farmer groups sell maize to a mill, which can process 300 t, and
 * to a trader, whose lorry carries 150 t; they could sell 510 t.  A
 * programme pays for training the groups.  Records are
 * added with a description struct: start from its _INIT macro, set the
 * fields you have.  The add functions check exactly what the JSON importer
 * checks, with the same messages.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stdio.h>

static int
add_actor(mkg_model *m, const char *id, const char *name, mkg_actor_kind kind, double capacity,
          double supply, int64_t households)
{
	mkg_actor_desc a = MKG_ACTOR_DESC_INIT;

	a.id = id;
	a.name = name;
	a.kind = kind;
	a.capacity = capacity;     /* MKG_ABSENT: unbounded */
	a.supply = supply;         /* producers; MKG_ABSENT: what they sell */
	a.households = households; /* -1: not given */
	return mkg_model_add_actor(m, &a, NULL);
}

static int
add_sale(mkg_model *m, const char *seller, const char *buyer, const char *commodity,
         double volume, double price)
{
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;

	t.seller = seller;
	t.buyer = buyer;
	t.commodity = commodity;
	t.volume = volume;
	t.value = volume * price;
	return mkg_model_add_transaction(m, &t, NULL);
}

static int
build(mkg_model *m)
{
	static const char *const groups[] = { "fg-north", "fg-south", "fg-east" };
	mkg_facilitation_desc f = MKG_FACILITATION_DESC_INIT;
	mkg_payment paid = { "programme", 1.0 };
	mkg_transaction_desc bad = MKG_TRANSACTION_DESC_INIT;

	if (mkg_model_set_name(m, "Maize, built in code (illustrative numbers)") != MKG_OK ||
	    mkg_model_set_currency(m, "USD") != MKG_OK ||
	    mkg_model_set_volume_unit(m, "t") != MKG_OK || mkg_model_set_period(m, "2024") != MKG_OK)
		return -1;
	if (add_actor(m, "fg-north", "North farmer group", MKG_ACTOR_PRODUCER, MKG_ABSENT, 260,
	              120) ||
	    add_actor(m, "fg-south", "South farmer group", MKG_ACTOR_PRODUCER, MKG_ABSENT, 160, 80) ||
	    add_actor(m, "fg-east", "East farmer group", MKG_ACTOR_PRODUCER, MKG_ABSENT, 90, 60) ||
	    add_actor(m, "trader", "Village trader", MKG_ACTOR_TRADER, 150, MKG_ABSENT, -1) ||
	    add_actor(m, "mill", "Maize mill", MKG_ACTOR_PROCESSOR, 300, MKG_ABSENT, -1) ||
	    add_actor(m, "town", "Town market", MKG_ACTOR_END_MARKET, MKG_ABSENT, MKG_ABSENT, -1) ||
	    add_actor(m, "programme", "Farmer training programme", MKG_ACTOR_PROGRAMME,
	              MKG_ABSENT, MKG_ABSENT, -1))
		return -1;
	if (add_sale(m, "fg-north", "mill", "maize", 180, 250) ||
	    add_sale(m, "fg-north", "trader", "maize", 40, 220) ||
	    add_sale(m, "fg-south", "mill", "maize", 120, 250) ||
	    add_sale(m, "fg-east", "trader", "maize", 90, 220) ||
	    add_sale(m, "trader", "town", "maize", 128, 300) ||
	    add_sale(m, "mill", "town", "maize-flour", 240, 450))
		return -1;
	/* Flour is made from maize (1.25 t per t): one maize chain, whose
	 * volumes and capacities are in maize equivalents (240 t of flour
	 * count 300 t, the mill's capacity). */
	{
		mkg_commodity_desc c = MKG_COMMODITY_DESC_INIT;

		c.id = "maize";
		if (mkg_model_add_commodity(m, &c, NULL) != MKG_OK)
			return -1;
		c.id = "maize-flour";
		c.made_from = "maize";
		c.input_per_unit = 1.25;
		if (mkg_model_add_commodity(m, &c, NULL) != MKG_OK)
			return -1;
	}

	f.facilitator = "programme";
	f.type = MKG_FACILITATION_TEMPORARY;
	f.function = MKG_FUNCTION_CAPACITY_BUILDING;
	f.target_actors = groups;
	f.target_actor_count = 3;
	f.start = "2023";
	f.end = "2025";
	f.exit = MKG_EXIT_FADE_OUT;
	f.cost = 15000;
	f.paid_by = &paid;
	f.paid_by_count = 1;
	if (mkg_model_add_facilitation(m, &f, NULL) != MKG_OK)
		return -1;

	/* A bad record is refused with the importer's message; the model is
	 * unchanged. */
	bad.seller = "fg-east";
	bad.buyer = "nobody";
	bad.commodity = "maize";
	bad.volume = 1;
	if (mkg_model_add_transaction(m, &bad, NULL) == MKG_OK)
		return -1;
	printf("refused: %s\n", mkg_error_message());
	return 0;
}

int
main(void)
{
	mkg_model *m = NULL;
	mkg_flow *flow = NULL;
	char *json = NULL;
	int rc = 1;

	if (mkg_model_new(&m) != MKG_OK || build(m) != 0)
		goto done;
	printf("actors %zu, transactions %zu, facilitation records %zu\n",
	       mkg_model_actor_count(m), mkg_model_transaction_count(m),
	       mkg_model_facilitation_count(m));

	/* The mill's and the lorry's capacities limit what reaches the town. */
	if (mkg_flow_new(&flow, m, NULL) != MKG_OK)
		goto done;
	printf("deliverable: %.0f of %.0f t supplied\n", mkg_flow_max_flow(flow),
	       mkg_flow_total_supply(flow));
	for (size_t i = 0; i < mkg_flow_binding_count(flow); i++) {
		const mkg_binding *b = mkg_flow_binding_at(flow, i);
		printf("binding: %s %s, %.0f t\n", mkg_binding_type_name(b->type),
		       b->actor ? b->actor : b->seller, b->capacity);
	}

	/* The same model as a document of the model format. */
	if (mkg_json_write_string(m, &json, NULL) != MKG_OK)
		goto done;
	fputs(json, stdout);
	rc = 0;
done:
	if (rc != 0)
		fprintf(stderr, "%s\n", mkg_error_message());
	mkg_free(json); /* strings from the library go back with mkg_free() */
	mkg_flow_free(flow);
	mkg_model_free(m);
	return rc;
}
