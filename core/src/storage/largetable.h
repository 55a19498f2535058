// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace metroeval::core {

/// \brief A std::allocator for the import's large look-up tables (flathash.h), which are read at
/// random: from 2 MiB up, memory is aligned to 2 MiB and marked for transparent huge pages
/// (Linux, where the system leaves them to madvise()), so that a look-up does not also miss the
/// TLB and walk the page tables for each 4 KiB page. Only a hint: without huge pages the
/// memory is ordinary.
template<typename T> struct LargeTableAllocator
{
    using value_type = T;
    static constexpr std::size_t kHugePage = std::size_t(2) << 20;

    LargeTableAllocator() = default;
    template<typename U> LargeTableAllocator(const LargeTableAllocator<U> &) noexcept {}

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (bytes >= kHugePage) {
            const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
            void *p = std::aligned_alloc(kHugePage, rounded);
            if (!p)
                throw std::bad_alloc();
            ::madvise(p, rounded, MADV_HUGEPAGE);
            return static_cast<T *>(p);
        }
#endif
        return static_cast<T *>(::operator new(bytes));
    }

    void deallocate(T *p, std::size_t n) noexcept
    {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (n * sizeof(T) >= kHugePage) {
            std::free(p);
            return;
        }
#endif
        (void)n;
        ::operator delete(p);
    }

    template<typename U> bool operator==(const LargeTableAllocator<U> &) const noexcept
    {
        return true;
    }
};

} // namespace metroeval::core
