/* marketgraph: maximum flow by push-relabel (see maxflow-private.h).
 *
 * The solver follows Cherkassky & Goldberg, "On implementing push-relabel
 * method for the maximum flow problem" (Algorithmica 19, 1997): labels are
 * distances to the target, the active node with the highest label is
 * discharged next, labels are recomputed exactly by a backward BFS after
 * O(n + m) work, and when no node is left with some label d, every node
 * above d is cut off from the target at once (gap heuristic).  The same
 * routine serves both phases: toward t, then back toward s.  Phase 2 only
 * labels the nodes that the excess left after phase 1 can reach: usually a
 * small part of the network, which saves a search of all of it.
 *
 * SPDX-License-Identifier: MIT */
#include "maxflow-private.h"

#include <glib.h>
#include <math.h>

#define NONE UINT32_MAX
#define REV_OPEN MKG_MF_REV_OPEN
#define REV_INDEX MKG_MF_REV_INDEX

/* Global relabelling after work > GLOBAL_FREQ * (ALPHA * n + m), where a
 * relabel costs BETA plus the arcs it scans (the constants of hi_pr). */
#define ALPHA 6.0
#define BETA 12u
#define GLOBAL_FREQ 2.0

void
mkg__mf_init(mkg_mf_net *net, uint32_t n, double tol)
{
	net->n = n;
	net->tol = tol;
	net->arcs = 0;
	net->first = g_new0(uint32_t, (gsize)n + 1);
	net->arc = NULL;
	net->fill = NULL;
	net->added = 0;
}

void
mkg__mf_adopt(mkg_mf_net *net, uint32_t n, double tol, uint32_t *first, mkg_mf_arc *arc,
              uint32_t arcs)
{
	net->n = n;
	net->tol = tol;
	net->first = first;
	net->arc = arc;
	net->arcs = arcs;
	net->fill = NULL;
	net->added = arcs / 2;
}

void
mkg__mf_reserve(mkg_mf_net *net, uint32_t u, uint32_t v)
{
	net->first[u]++;
	net->first[v]++;
	net->arcs += 2;
}

void
mkg__mf_layout(mkg_mf_net *net)
{
	uint32_t sum = 0;

	/* Counts become start positions. */
	for (uint32_t v = 0; v <= net->n; v++) {
		uint32_t c = net->first[v];
		net->first[v] = sum;
		sum += c;
	}
	net->arc = g_new(mkg_mf_arc, net->arcs ? net->arcs : 1);
	net->fill = g_memdup2(net->first, ((gsize)net->n + 1) * sizeof(uint32_t));
}

uint32_t
mkg__mf_add(mkg_mf_net *net, uint32_t u, uint32_t v, double cap)
{
	uint32_t a = net->fill[u]++;
	uint32_t r = net->fill[v]++;

	net->arc[a] = (mkg_mf_arc){ v, r, cap };
	net->arc[r] = (mkg_mf_arc){ u, a | (cap > net->tol ? REV_OPEN : 0u), 0.0 };
	if (++net->added * 2 == net->arcs) {
		g_free(net->fill);
		net->fill = NULL;
	}
	return a;
}

void
mkg__mf_clear(mkg_mf_net *net)
{
	if (net == NULL)
		return;
	g_free(net->first);
	g_free(net->arc);
	g_free(net->fill);
	net->first = NULL;
	net->arc = NULL;
	net->fill = NULL;
	net->n = net->arcs = net->added = 0;
}

/* ---- the solver ---------------------------------------------------------- */

typedef struct solver {
	mkg_mf_net *net;
	double tol;
	uint32_t n;
	uint32_t target;     /* labels are distances to it */
	uint32_t other;      /* the other terminal: never labelled, never active */
	const uint8_t *scope; /* nodes that may be labelled, or NULL for all */
	uint32_t *d;         /* label; n = cut off from the target */
	double *excess;
	uint32_t *cur;       /* current arc */
	uint32_t *next;      /* bucket lists: active lists are singly linked, */
	uint32_t *prev;      /* inactive lists doubly linked (for removal) */
	uint32_t *active;    /* [n] first active node of each label */
	uint32_t *inactive;  /* [n] first inactive node of each label */
	uint32_t *queue;     /* [n] BFS queue */
	int64_t amax;        /* highest label that may hold an active node */
	int64_t dmax;        /* highest label that may hold any node */
	double work;
	double work_limit;
} solver;

static inline void
push_active(solver *sv, uint32_t v, uint32_t dv)
{
	sv->next[v] = sv->active[dv];
	sv->active[dv] = v;
	if ((int64_t)dv > sv->amax)
		sv->amax = dv;
	if ((int64_t)dv > sv->dmax)
		sv->dmax = dv;
}

static inline void
push_inactive(solver *sv, uint32_t v, uint32_t dv)
{
	uint32_t f = sv->inactive[dv];

	sv->next[v] = f;
	sv->prev[v] = NONE;
	if (f != NONE)
		sv->prev[f] = v;
	sv->inactive[dv] = v;
	if ((int64_t)dv > sv->dmax)
		sv->dmax = dv;
}

static inline void
remove_inactive(solver *sv, uint32_t v, uint32_t dv)
{
	uint32_t nx = sv->next[v], pv = sv->prev[v];

	if (pv != NONE)
		sv->next[pv] = nx;
	else
		sv->inactive[dv] = nx;
	if (nx != NONE)
		sv->prev[nx] = pv;
}

/* Exact labels: distances to the target over arcs of residual > tol,
 * computed by BFS from the target along reversed arcs. */
static void
global_relabel(solver *sv)
{
	const mkg_mf_net *net = sv->net;
	const mkg_mf_arc *arc = net->arc;
	uint32_t n = sv->n, qh = 0, qt = 0;

	for (int64_t b = 0; b <= sv->dmax && b < (int64_t)n; b++)
		sv->active[b] = sv->inactive[b] = NONE;
	for (uint32_t v = 0; v < n; v++)
		sv->d[v] = n;
	sv->amax = sv->dmax = -1;

	sv->d[sv->target] = 0;
	sv->queue[qt++] = sv->target;
	while (qh < qt) {
		uint32_t v = sv->queue[qh++];
		uint32_t dn = sv->d[v] + 1;
		for (uint32_t a = net->first[v], end = net->first[v + 1]; a < end; a++) {
			uint32_t u = arc[a].head;
			if ((arc[a].rev & REV_OPEN) && sv->d[u] == n && u != sv->other &&
			    (sv->scope == NULL || sv->scope[u])) {
				sv->d[u] = dn;
				sv->cur[u] = net->first[u];
				sv->queue[qt++] = u;
				if (sv->excess[u] > sv->tol)
					push_active(sv, u, dn);
				else
					push_inactive(sv, u, dn);
			}
		}
	}
	sv->work = 0;
}

/* Every node with a label above g cannot reach the target any more. */
static void
gap(solver *sv, uint32_t g)
{
	for (int64_t b = (int64_t)g + 1; b <= sv->dmax; b++) {
		for (uint32_t v = sv->active[b]; v != NONE; v = sv->next[v])
			sv->d[v] = sv->n;
		for (uint32_t v = sv->inactive[b]; v != NONE; v = sv->next[v])
			sv->d[v] = sv->n;
		sv->active[b] = sv->inactive[b] = NONE;
	}
	sv->dmax = (int64_t)g - 1;
	if (sv->amax > sv->dmax)
		sv->amax = sv->dmax;
}

/* Push the excess of v (not in any list) along admissible arcs, relabelling
 * as needed, until it is gone or v is cut off from the target. */
static void
discharge(solver *sv, uint32_t v)
{
	mkg_mf_net *net = sv->net;
	mkg_mf_arc *arc = net->arc;
	const double tol = sv->tol;
	const uint32_t n = sv->n, end = net->first[v + 1];
	uint32_t dv = sv->d[v];
	double e = sv->excess[v];

	for (;;) {
		uint32_t a;
		for (a = sv->cur[v]; a < end; a++) {
			mkg_mf_arc *p = &arc[a];
			uint32_t w;
			double delta, old;
			if (!(p->res > tol) || sv->d[p->head] + 1 != dv)
				continue;
			w = p->head;
			if (e < p->res) {
				delta = e;
				p->res -= e;
				e = 0.0;
			} else {
				/* Saturate exactly: no rounding residue on the arc. */
				delta = p->res;
				p->res = 0.0;
				e -= delta;
			}
			/* delta > tol: the reverse arc is open now; p may have closed. */
			arc[p->rev & REV_INDEX].res += delta;
			arc[p->rev & REV_INDEX].rev = a | (p->res > tol ? REV_OPEN : 0u);
			p->rev |= REV_OPEN;
			old = sv->excess[w];
			sv->excess[w] = old + delta;
			if (w != sv->target && old <= tol && old + delta > tol) {
				remove_inactive(sv, w, dv - 1);
				push_active(sv, w, dv - 1);
			}
			if (e <= tol)
				break;
		}
		if (e <= tol) {
			sv->excess[v] = e;
			sv->cur[v] = a;
			push_inactive(sv, v, dv);
			return;
		}

		/* Relabel: one more than the lowest neighbour over a residual arc. */
		uint32_t newd = n, best = net->first[v];
		for (a = net->first[v]; a < end; a++) {
			if (arc[a].res > tol && sv->d[arc[a].head] + 1 < newd) {
				newd = sv->d[arc[a].head] + 1;
				best = a;
			}
		}
		sv->work += BETA + (end - net->first[v]);
		if (sv->active[dv] == NONE && sv->inactive[dv] == NONE) {
			/* v was the last node labelled dv: a gap.  v is above it. */
			gap(sv, dv);
			sv->d[v] = n;
			sv->excess[v] = e;
			return;
		}
		if (newd >= n) {
			sv->d[v] = n;
			sv->excess[v] = e;
			return;
		}
		dv = newd;
		sv->d[v] = dv;
		sv->cur[v] = best;
		if ((int64_t)dv > sv->dmax)
			sv->dmax = dv;
		if ((int64_t)dv > sv->amax)
			sv->amax = dv;
	}
}

/* Move as much excess as possible to the target, labelling only nodes in
 * scope (NULL: all). */
static void
run_phase(solver *sv, uint32_t target, uint32_t other, const uint8_t *scope)
{
	sv->target = target;
	sv->other = other;
	sv->scope = scope;
	sv->dmax = (int64_t)sv->n - 1; /* global_relabel clears every bucket once */
	global_relabel(sv);
	while (sv->amax >= 0) {
		uint32_t v = sv->active[sv->amax];
		if (v == NONE) {
			sv->amax--;
			continue;
		}
		sv->active[sv->amax] = sv->next[v];
		discharge(sv, v);
		if (sv->work > sv->work_limit)
			global_relabel(sv);
	}
}

/* Phase 2.  The excess left after phase 1 cannot reach t; it moves only
 * within the nodes reachable from it over residual arcs (a set that pushes
 * keep closed: a push x -> y opens y -> x only), so only those are
 * labelled. */
static void
return_excess(solver *sv, uint32_t s, uint32_t t)
{
	const mkg_mf_net *net = sv->net;
	const mkg_mf_arc *arc = net->arc;
	uint8_t *scope;
	uint32_t qh = 0, qt = 0;

	for (uint32_t v = 0; v < sv->n; v++)
		if (v != s && v != t && sv->excess[v] > sv->tol)
			sv->queue[qt++] = v;
	if (qt == 0)
		return;
	scope = g_new0(uint8_t, sv->n);
	for (uint32_t i = 0; i < qt; i++)
		scope[sv->queue[i]] = 1;
	scope[s] = 1;
	while (qh < qt) {
		uint32_t v = sv->queue[qh++];
		for (uint32_t a = net->first[v], end = net->first[v + 1]; a < end; a++) {
			uint32_t w = arc[a].head;
			if (!scope[w] && arc[a].res > sv->tol) {
				scope[w] = 1;
				sv->queue[qt++] = w;
			}
		}
	}
	run_phase(sv, s, t, scope);
	g_free(scope);
}

void
mkg__mf_solve(mkg_mf_net *net, uint32_t s, uint32_t t, double *value, bool *source_side)
{
	const double tol = net->tol;
	solver sv = { 0 };
	mkg_mf_arc *arc = net->arc;
	uint32_t n = net->n;

	sv.net = net;
	sv.tol = tol;
	sv.n = n;
	sv.d = g_new(uint32_t, n);
	sv.excess = g_new0(double, n);
	sv.cur = g_new(uint32_t, n);
	sv.next = g_new(uint32_t, n);
	sv.prev = g_new(uint32_t, n);
	sv.active = g_new(uint32_t, n);
	sv.inactive = g_new(uint32_t, n);
	sv.queue = g_new(uint32_t, n);
	sv.work_limit = GLOBAL_FREQ * (ALPHA * n + net->arcs);

	/* Saturate the arcs out of s (finite by contract). */
	for (uint32_t a = net->first[s]; a < net->first[s + 1]; a++) {
		double c = arc[a].res;
		if (c > 0.0 && arc[a].head != s) {
			uint32_t r = arc[a].rev & REV_INDEX;
			arc[a].res = 0.0;
			arc[a].rev = r | (arc[r].res + c > tol ? REV_OPEN : 0u);
			arc[r].res += c;
			arc[r].rev = a;
			sv.excess[arc[a].head] += c;
		}
	}

	/* Phase 1: a maximum preflow; phase 2: return the excess left over. */
	run_phase(&sv, t, s, NULL);
	*value = sv.excess[t];
	return_excess(&sv, s, t);

	if (source_side) {
		uint32_t qh = 0, qt = 0;
		for (uint32_t v = 0; v < n; v++)
			source_side[v] = false;
		source_side[s] = true;
		sv.queue[qt++] = s;
		while (qh < qt) {
			uint32_t v = sv.queue[qh++];
			for (uint32_t a = net->first[v]; a < net->first[v + 1]; a++) {
				uint32_t w = arc[a].head;
				if (!source_side[w] && arc[a].res > tol) {
					source_side[w] = true;
					sv.queue[qt++] = w;
				}
			}
		}
	}

	g_free(sv.d);
	g_free(sv.excess);
	g_free(sv.cur);
	g_free(sv.next);
	g_free(sv.prev);
	g_free(sv.active);
	g_free(sv.inactive);
	g_free(sv.queue);
}
